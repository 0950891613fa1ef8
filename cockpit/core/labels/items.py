"""Labels of items beyond the daily triage: recurring items (the refusals of a rule
cockpit cannot follow), the command line's undo journal, the history screen."""

# key: (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    "recur.err.empty": (
        "a recurrence needs a rule, such as weekly, every month on the 15th or .+3d",
        "重复规则不能为空，例如：每周、每月15日、完成后3天",
    ),
    "recur.err.unknown": (
        "cannot read the recurrence {text!r}; write it like daily, every 2 weeks on thu, "
        "every month on the last fri, the last friday of the quarter, yearly, .+3d "
        "(3 days after done) or an RRULE such as FREQ=MONTHLY;BYMONTHDAY=15",
        "无法识别重复规则 {text!r}；可写作：每天、每两周周四、每月最后一个周五、"
        "每季度最后一个周五、每年、完成后3天，或 RRULE（如 FREQ=MONTHLY;BYMONTHDAY=15）",
    ),
    "recur.err.unreadable": (
        "cannot read the recurrence rule {text!r}",
        "无法读取重复规则 {text!r}",
    ),
    "recur.err.freq": (
        "the recurrence rule {text!r} needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY",
        "重复规则 {text!r} 需要 FREQ=DAILY、WEEKLY、MONTHLY 或 YEARLY",
    ),
    "recur.err.part": (
        "cockpit repeats items by FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, "
        "UNTIL and COUNT; {part} in {text!r} is not one of them",
        "事项重复只支持 FREQ、INTERVAL、BYDAY、BYMONTHDAY、BYMONTH、BYSETPOS、UNTIL 与 COUNT；"
        "{text!r} 中的 {part} 不支持",
    ),
    "recur.err.mixed_ordinals": (
        "the rule {text!r} gives different positions to its weekdays; use one, such as -1FR",
        "规则 {text!r} 中各星期几的序号不同；请只用一个，例如 -1FR",
    ),
    "recur.err.interval": (
        "a recurrence interval must be from 1 to {high}",
        "重复间隔须在 1 到 {high} 之间",
    ),
    "recur.err.count": (
        "a recurrence count must be from 1 to {high}",
        "重复次数须在 1 到 {high} 之间",
    ),
    "recur.err.month": ("months are numbered 1 to 12", "月份须在 1 到 12 之间"),
    "recur.err.monthday": (
        "days of the month are 1 to 31, or -1 (the last day) to -31",
        "日期须为 1 到 31，或 -1（最后一天）到 -31",
    ),
    "recur.err.weekday": (
        "a weekday's position is 1 to 5 (first to fifth) or -1 to -5 (last to fifth-last)",
        "星期几的序号须为 1 到 5（第一到第五）或 -1 到 -5（倒数）",
    ),
    "recur.err.after_done_days": (
        "a repeat counted from the day it is done (.+3d) takes no weekdays or days",
        "从完成日起算的重复（完成后3天）不能再指定星期几或日期",
    ),
    "recur.err.days_of": (
        "a {freq} recurrence takes weekdays only (days of the month need monthly)",
        "按{freq}重复只能指定星期几（指定日期请用每月）",
    ),
    "recur.err.interval_filter": (
        "an interval cannot be combined with a filter of days or months (it could never "
        "meet one); drop the interval or the filter",
        "间隔不能与日期或月份筛选同时使用（可能永远不会碰上）；请去掉其一",
    ),
    "recur.err.day_and_weekday": (
        "a recurrence falls on days of the month or on weekdays, not both",
        "重复规则只能按日期或按星期几，不能同时指定",
    ),
    "recur.err.yearly_month": (
        "a yearly recurrence on a day of the month needs the month too, like every year on dec 24",
        "每年重复若指定日期，还需指定月份，例如：每年12月24日",
    ),
    "recur.err.yearly_nth": (
        "a yearly recurrence on a weekday needs its position, like the last fri in nov",
        "每年重复若指定星期几，还需指定第几个，例如：每年11月最后一个周五",
    ),
    "recur.err.quarter_interval": (
        "a day of the quarter repeats every quarter; for longer gaps use every N months",
        "按季度某日重复即每季度一次；更长间隔请用每N个月",
    ),
    "recur.err.never": (
        "this recurrence never falls on a date from {since} on",
        "从 {since} 起，这条重复规则不会落在任何日期上",
    ),
    "recur.err.stored": (
        "the rule of item {id}, {text!r}, is not one cockpit can follow; set a new one with "
        "cockpit edit {id} --recur RULE (or --recur none)",
        "事项 {id} 的重复规则 {text!r} 无法识别；请用 cockpit edit {id} --recur 规则 重新设置"
        "（或 --recur none 取消）",
    ),
    "recur.err.setpos": (
        "cockpit reads BYSETPOS only as -1 over days of the month (the last of them that "
        "exists, such as BYMONTHDAY=28,29,30,31;BYSETPOS=-1)",
        "BYSETPOS 仅支持 -1 且须配合 BYMONTHDAY（取其中当月存在的最后一天，例如 "
        "BYMONTHDAY=28,29,30,31;BYSETPOS=-1）",
    ),
    "recur.err.ended": (
        "this recurrence has no date left (its until date has passed)",
        "这条重复规则已没有后续日期（截止日期已过）",
    ),
    # the command line
    "cli.next": ("  next: #{id} due {due} ({week})", "  下一次：#{id}，截止 {due}（{week}）"),
    "cli.repeats": ("  repeats {rule}; due {due}", "  重复：{rule}；截止 {due}"),
    "err.note.empty": ("a note needs some text", "备注不能为空"),
    "err.note.long": (
        "a note is at most {high} {high|character|characters} (this one has {n})",
        "备注最多 {high} 个字符（这条有 {n} 个）",
    ),
    "err.tw.recur": (
        "{where} in {path} is a recurring task without a rule (recur is {value!r})",
        "{path} 中{where}是重复任务，但没有重复规则（recur 为 {value!r}）",
    ),
    "err.tw.ended": (
        "{where} in {path} is a recurring task whose series has ended (its until has passed)",
        "{path} 中{where}是已结束的重复任务（until 已过）",
    ),
    "note.next": (" · next #{id} due {due}", " · 下一次 #{id} 截止 {due}"),
    "undo.redo": ("redo {what}", "重做 {what}"),
    # history: what was finished or dropped
    "history.title": ("History", "历史"),
    "history.search": (
        "search what was closed: words, +tag, a customer",
        "搜索已完成或放弃的事项：关键词、+标签、客户",
    ),
    "history.week": (
        "{week} · {done} done, {dropped} dropped",
        "{week} · 完成 {done}，放弃 {dropped}",
    ),
    "history.count": (
        "{n} {n|item|items} finished or dropped, the archive included",
        "已完成或放弃的事项 {n} 项（含归档）",
    ),
    "history.found": ("{n} found for {words!r}", "找到 {n} 项：{words!r}"),
    "key.history": ("History", "历史"),
    "key.redo": ("Redo", "重做"),
    "area.history": ("history", "历史"),
    "note.redone": ("Redone: {what}", "已重做：{what}"),
    "note.nothing_to_redo": ("Nothing to redo", "没有可重做的操作"),
    "err.ls.since": (
        "--since goes with --done (what was finished or dropped since then)",
        "--since 需与 --done 一起使用（列出此后完成或放弃的事项）",
    ),
    "err.ls.since_unread": (
        "cannot read {text!r} as a date or a week; use 2026-11-01, W44, last or this",
        "无法将 {text!r} 识别为日期或周：请用 2026-11-01、W44、上周或本周",
    ),
    "cli.ls.none_closed": ("Nothing finished or dropped.", "没有已完成或放弃的事项。"),
    # item history
    "hist.repeats": ("repeats #{id}", "重复自 #{id}"),
    "hist.noted": ("noted", "添加备注"),
    # cockpit edit / note / show
    "err.edit.nothing": (
        "nothing to change: give --title, --due, --list, --week, --customer, --owner, --tag, "
        "--key/--no-key, --recur or --notes",
        "没有要修改的内容：请给出 --title、--due、--list、--week、--customer、--owner、--tag、"
        "--key/--no-key、--recur 或 --notes",
    ),
    "err.edit.empty": (
        "{option} needs a value (or none to clear it)",
        "{option} 需要一个值（或用 none 清空）",
    ),
    "err.edit.tag": (
        "--tag needs a tag name: +name adds it, -name removes it",
        "--tag 需要标签名：+名称 添加，-名称 删除",
    ),
    "err.item.stale": (
        "item {id} was changed since it was read (its seq is {now}, not {seq}); nothing was "
        "written: read it again with cockpit show {id}",
        "事项 {id} 在读取后已被修改（seq 现为 {now}，不是 {seq}）；未做任何修改：请用 "
        "cockpit show {id} 重新读取",
    ),
    "cli.edited": ("Edited #{id}: {title}", "已修改 #{id}：{title}"),
    "cli.edit.changed": ("{field}: {old} → {new}", "{field}：{old} → {new}"),
    "cli.noted": ("Noted #{id} ({date}): {text}", "已为 #{id} 添加备注（{date}）：{text}"),
    "cli.undone": ("Undone: {label} (from {at})", "已撤销：{label}（{at}）"),
    "show.title": ("title", "标题"),
    "show.status": ("status", "状态"),
    "show.list": ("list", "列表"),
    "show.week": ("week", "周"),
    "show.due": ("due", "截止"),
    "show.repeats": ("repeats", "重复"),
    "show.customer": ("customer", "客户"),
    "show.owner": ("owner", "负责人"),
    "show.tags": ("tags", "标签"),
    "show.notes": ("notes", "备注"),
    "show.carried": ("carried", "顺延"),
    "show.created": ("created", "创建于"),
    "show.updated": ("updated", "更新于"),
    "show.finished": ("finished", "完成于"),
    "show.seq": ("seq", "修改序号"),
    "show.source": ("source", "来源"),
    "show.none": ("none", "无"),
    "show.never": ("never", "不重复"),
    "show.unreadable": ("unreadable rule {text!r}", "无法识别的规则 {text!r}"),
    "show.lines": ("{n} {n|line|lines}", "{n} 行"),
    "show.archived": (" (archived)", "（已归档）"),
    "show.this_week": (" (this week)", "（本周）"),
    "show.not_yet": ("not yet", "尚未"),
    "show.notes_head": ("notes:", "备注："),
    "show.annotations_head": ("annotations:", "批注："),
    "show.history_head": ("history:", "历史："),
    "journal.what.item": ("item", "事项"),
    "journal.what.customer": ("customer", "客户"),
    "journal.what.touch": ("touch", "联系记录"),
    "journal.what.feed": ("feed", "订阅源"),
    "journal.what.record": ("record", "记录"),
    # the command line's undo journal
    "journal.not_kept": (
        "this change could not be kept for cockpit undo ({problem})",
        "此修改未能记入 cockpit undo 的撤销记录（{problem}）",
    ),
    "journal.empty": (
        "nothing to undo: no change made from the command line is left to take back",
        "没有可撤销的操作：命令行所做的修改都已撤销",
    ),
    "journal.changed": (
        "cannot undo {label!r}: {what} {id} was changed again since (in the app or by "
        "another command); nothing was undone",
        "无法撤销 {label!r}：{what} {id} 之后又被修改过（在界面中或由其他命令）；未做任何撤销",
    ),
    "journal.damaged": (
        "the undo journal step {path} cannot be read, so it was dropped; nothing was undone",
        "撤销记录 {path} 无法读取，已丢弃；未做任何撤销",
    ),
}
