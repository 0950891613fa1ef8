"""Labels of reminders (`[notify]`, `cockpit remind`): the toast, the terminal's
notification and the command's listing."""

LABELS: dict[str, tuple[str, str]] = {
    "remind.overdue": ("Overdue since {due}: {title}", "已逾期（{due} 到期）：{title}"),
    "remind.due": ("Due today: {title}", "今天到期：{title}"),
    "remind.soon": ("Due {due}: {title}", "{due} 到期：{title}"),
    "remind.followup": ("Follow up with {title} ({due})", "跟进客户 {title}（{due}）"),
    "remind.followup.today": ("Follow up with {title} today", "今天跟进客户 {title}"),
    "remind.starts": ("{time} {title}, in {n} min", "{time} {title}，{n} 分钟后开始"),
    "remind.started": ("{time} {title}, now", "{time} {title}，正在进行"),
    "remind.head": ("⏰ {n} {n|reminder|reminders}", "⏰ 提醒 {n} 条"),
    "remind.more": ("… and {n} more", "……另有 {n} 条"),
    "remind.none": ("Nothing to remind of now.", "现在没有需要提醒的事。"),
    "remind.told": ("told {time}", "已提醒 {time}"),
    "cmd.reminders": ("app: what is due now", "应用：现在到期的事"),
    "cmd.reminders.help": (
        "Everything the reminders tell of now, told already or not ([notify])",
        "提醒此刻会说的每一件事，无论是否已提醒过（[notify]）",
    ),
    "remind.marked": (
        "{n} {n|reminder|reminders} marked as told today.",
        "已将 {n} 条提醒记为今天已提醒。",
    ),
}
