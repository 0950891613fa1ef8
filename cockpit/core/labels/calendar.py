"""Labels of the calendar area: (English, Chinese) per key.

The default routines (seed 000's weekday cadence) live here too, so both languages of
every routine title and checklist line sit side by side: `routine.<key>` is the title and
`routine.<key>.<n>` (n from 1) its checklist lines. `cockpit.calendar.routines.DEFAULTS` says
which keys exist and when they happen.
"""

LABELS: dict[str, tuple[str, str]] = {
    # Monday ---------------------------------------------------------------------------
    "routine.mon_review": ("Review last week, plan this week", "回顾上周，安排本周"),
    "routine.mon_review.1": (
        "Go through last week's plan and what is still open",
        "过一遍上周计划与未完成事项",
    ),
    "routine.mon_review.2": ("Sort recent matters by priority", "梳理近期事务的优先级"),
    "routine.mon_review.3": ("Set this week's plan and key items", "确定本周计划与重点事务"),
    "routine.mon_meeting": ("Product weekly meeting", "产品项目周会"),
    "routine.mon_meeting.1": (
        "Planned features: owner, progress, risk",
        "规划功能点：owner、进度、风险",
    ),
    "routine.mon_meeting.2": (
        "Bugs: where they are, what is fixed",
        "Bug 分布与修复情况",
    ),
    "routine.mon_meeting.3": (
        "Key customers: urgent needs, priority changes",
        "重大客户的紧急需求与优先级调整",
    ),
    "routine.mon_meeting.4": (
        "New specs and features: usage data and feedback",
        "新规格、新功能的经营数据与客户反馈",
    ),
    "routine.mon_meeting.5": ("Opportunities and churn", "商机与流失情况"),
    "routine.mon_meeting.6": (
        "Ops: campaigns, attention and conversion",
        "运营：活动、关注与转化",
    ),
    "routine.mon_meeting.7": (
        "Competitors: cloud, self-hosted, Oracle, other vendors",
        "竞品：云厂商、开源自建、Oracle、其他厂商",
    ),
    "routine.mon_meeting.8": (
        "Community news: commitfest, mailing lists, conferences",
        "社区动态：commitfest、邮件列表、会议",
    ),
    "routine.mon_meeting.9": (
        "Partners: roadmap, delivery, after-sales",
        "合作伙伴：规划、研发进度、交付与售后",
    ),
    # Tuesday / Wednesday --------------------------------------------------------------
    "routine.planning": ("Product and ops planning", "产品与运营规划"),
    "routine.planning.1": ("PRD for the next major feature", "重大功能 PRD"),
    "routine.planning.2": (
        "Cases, FAQ and sales copy",
        "案例、FAQ 与销售文案",
    ),
    "routine.planning.3": ("Visit or call key customers", "重点客户回访"),
    "routine.planning.4": ("Weekly tech talk", "每周技术直播分享"),
    "routine.planning.5": (
        "Requirement analysis and effect data",
        "需求分析与落地效果数据",
    ),
    # Thursday -------------------------------------------------------------------------
    "routine.thu_numbers": ("Tickets and revenue", "工单与营收"),
    "routine.thu_numbers.1": (
        "Tickets: count, causes, owners and dates for fixes",
        "工单统计：原因、改进计划、owner 与时间点",
    ),
    "routine.thu_numbers.2": (
        "Revenue: cash, GAAP, users, instances, forecast",
        "营收：现金、gaap、用户数、实例数、预测",
    ),
    "routine.thu_numbers.3": (
        "Actions that move revenue, and why",
        "拉动营收的动作与理由",
    ),
    "routine.thu_meeting": ("Product meeting", "产品周会"),
    "routine.thu_meeting.1": ("Open points from last minutes", "上周纪要问题回顾"),
    "routine.thu_meeting.2": (
        "Feature delivery: progress and risk",
        "规划功能落地进度与风险",
    ),
    "routine.thu_meeting.3": (
        "R&D review: kernel, backend, proxy, console, OpenAPI",
        "研发 review：内核、后端、proxy、控制台、OpenAPI",
    ),
    "routine.thu_meeting.4": ("On-call review", "值班情况 review"),
    "routine.thu_meeting.5": (
        "Ecosystem tools: sync, migration, backup, admin tools",
        "生态工具：同步、迁移、备份、管理工具",
    ),
    "routine.thu_meeting.6": ("Documentation review", "文档 review"),
    "routine.thu_meeting.7": (
        "Recent customer needs and key customers",
        "近期客户需求与大客户分析",
    ),
    "routine.thu_report": ("Weekly report and next week's plan", "周报与下周计划"),
    "routine.thu_report.1": ("Highlights & thoughts", "重点&思考"),
    "routine.thu_report.2": ("Product management", "产品管理"),
    "routine.thu_report.3": ("Customers & business", "客户&业务"),
    "routine.thu_report.4": ("Industry & competitors", "业界竞品"),
    "routine.thu_report.5": ("Next week's plan", "下周工作计划"),
    # Friday ---------------------------------------------------------------------------
    "routine.fri_align": ("Cross-team alignment", "横向对齐"),
    "routine.fri_align.1": (
        "Read other teams' weekly reports",
        "阅读其他团队周报",
    ),
    "routine.fri_align.2": (
        "Follow up open issues and requests",
        "及时对接问题与需求",
    ),
    "routine.fri_align.3": ("Align next week's plans", "对齐下周计划"),
    "routine.fri_reading": ("Tech reading", "前沿技术阅读"),
    "routine.fri_reading.1": (
        "PostgreSQL weekly news and Planet PostgreSQL",
        "PG weekly 与 Planet PostgreSQL",
    ),
    "routine.fri_reading.2": ("PostGIS and extensions", "PostGIS 与插件动态"),
    "routine.fri_reading.3": (
        "Derived products: Greenplum, AntDB, TBase",
        "衍生产品：Greenplum、AntDB、TBase",
    ),
    "routine.fri_reading.4": (
        "Competitors: Aurora, Redshift, newsletters",
        "竞品：Aurora、Redshift 与 newsletter",
    ),
    "routine.fri_reading.5": (
        "Note what matters for the weekly report",
        "记下值得写进周报的内容",
    ),
    # exported and agenda entries ------------------------------------------------------
    "cal.name": ("cockpit", "cockpit 驾驶舱"),
    "cal.followup": ("Follow up: {name}", "跟进客户：{name}"),
    "cal.item_customer": ("Customer: {name}", "客户：{name}"),
    "cal.source.routine": ("routine", "例行"),
    "cal.source.item": ("due", "到期"),
    "cal.source.followup": ("follow-up", "跟进"),
    "cal.all_day": ("all day", "全天"),
    "cal.untitled": ("(no title)", "（无标题）"),
    # command line ---------------------------------------------------------------------
    "cal.exported": (
        "Exported {routines} {routines|routine|routines}, {items} dated {items|item|items} "
        "and {followups} {followups|follow-up|follow-ups} to {path}",
        "已导出 {routines} 个例行、{items} 个到期事项、{followups} 个客户跟进到 {path}",
    ),
    "cal.imported": (
        "Calendar {name!r}: {events} {events|event|events} kept, {skipped} skipped",
        "日历 {name!r}：保留 {events} 个事件，跳过 {skipped} 个",
    ),
    "cal.skipped_line": ("skipped {component}: {reason}", "已跳过 {component}：{reason}"),
    "cal.synced": (
        "Synced with {url}: {created} created, {updated} updated, {deleted} deleted, "
        "{unchanged} unchanged, {pulled} {pulled|event|events} pulled",
        "已与 {url} 同步：新建 {created}，更新 {updated}，删除 {deleted}，"
        "未变 {unchanged}，拉取 {pulled} 个事件",
    ),
    "cal.sync_nothing": ("nothing to write: the calendar was up to date", "无需写入：日历已是最新"),
    "cal.no_routines": (
        "No routines. Bring back the defaults: cockpit routines reset",
        "没有例行事项。恢复默认：cockpit routines reset",
    ),
}

# routines screen: the week's cadence, its detail pane and the routine form -------------
LABELS.update(
    {
        "routines.title": ("Routines", "例行事项"),
        "routines.week": ("This week · {week}", "本周 · {week}"),
        "routines.week_total": ("routines: {n} · {total} a week", "例行 {n} 个 · 每周 {total}"),
        "routines.keys": (
            "a add · e edit · d delete · s skip next · S un-skip · x tick · u undo · esc back",
            "a 添加 · e 编辑 · d 删除 · s 跳过下次 · S 恢复 · x 勾选 · u 撤销 · esc 返回",
        ),
        "routines.today": ("today", "今天"),
        "routines.free": ("free", "空闲"),
        "routines.skipped_mark": ("skipped", "已跳过"),
        "routines.skipped_next": ("{date} skipped", "{date} 已跳过"),
        "routines.from": ("from {date}", "{date} 起"),
        "routines.sep": (", ", "、"),
        "routines.dur.h": ("{h}h", "{h}小时"),
        "routines.dur.m": ("{m}m", "{m}分钟"),
        "routines.dur.hm": ("{h}h {m}m", "{h}小时{m}分"),
        # detail pane
        "routines.f.en": ("English", "英文标题"),
        "routines.f.zh": ("Chinese", "中文标题"),
        "routines.f.weekdays": ("Weekdays", "星期"),
        "routines.f.time": ("Time", "时间"),
        "routines.f.next": ("Next", "下次"),
        "routines.f.skipped": ("Skipped", "已跳过"),
        "routines.none": ("none", "无"),
        "routines.checklist": ("Checklist ({n})", "清单（{n} 项）"),
        "routines.checklist_today": ("Checklist · today {done}/{n}", "清单 · 今天 {done}/{n}"),
        "routines.no_checklist": ("No checklist.", "没有清单。"),
        "routines.day_total": ("Total {total}", "共 {total}"),
        "routines.day_empty": (
            "Nothing planned. Press a to add a routine on this day.",
            "没有安排。按 a 在这一天添加例行。",
        ),
        "routines.none_at_all": (
            "No routines. Press a to add one (or run `cockpit routines reset`).",
            "没有例行事项。按 a 添加（或运行 `cockpit routines reset`）。",
        ),
        # keys and notifications
        "routines.key.skip": ("Skip next", "跳过下次"),
        "routines.key.unskip": ("Un-skip", "恢复跳过"),
        "routines.key.tick": ("Tick next line", "勾选下一项"),
        "routines.pick": ("Select a routine first", "请先选择一个例行"),
        "routines.added": ("Added routine: {title}", "已添加例行：{title}"),
        "routines.unchanged": ("Nothing changed", "没有修改"),
        "routines.skipped": (
            "Skipped {title} on {day} (S brings it back)",
            "已跳过 {day} 的 {title}（按 S 恢复）",
        ),
        "routines.unskipped": ("{title} is back on {day}", "{day} 的 {title} 已恢复"),
        "routines.no_skip_ahead": (
            "No skipped {title} ahead on this weekday",
            "这个星期几之后没有跳过的 {title}",
        ),
        "routines.not_today": (
            "{title} does not happen today: only today's lines can be ticked",
            "{title} 今天没有安排：只能勾选今天的清单",
        ),
        "routines.all_ticked": ("Every line of {title} is ticked today", "{title} 今天已全部勾选"),
        # the form
        "routines.form.add": ("New routine", "新建例行"),
        "routines.form.edit": ("Edit routine: {title}", "编辑例行：{title}"),
        "routines.form.en": ("English title", "英文标题"),
        "routines.form.zh": ("Chinese title", "中文标题"),
        "routines.form.weekdays": (
            "Weekdays (mon,wed or 1,3 with 1 = Monday; mon-fri)",
            "星期（周一,周三 或 1,3，1 为周一；周一-周五）",
        ),
        "routines.form.start": ("Start (HH:MM)", "开始（HH:MM）"),
        "routines.form.minutes": ("Minutes (90, 1h30)", "时长（分钟，如 90、1h30）"),
        "routines.form.checklist": (
            "Checklist: one line each (or a; b), English | 中文",
            "清单：每行一项（或用 ; 分隔），English | 中文",
        ),
        "routines.form.hint": (
            "enter save (ctrl+s in the checklist) · esc cancel · tab next field",
            "回车保存（清单中按 ctrl+s）· esc 取消 · tab 下一项",
        ),
        "routines.bad.title": ("Give it a title in English or Chinese.", "请填写英文或中文标题。"),
        "routines.bad.weekdays": (
            "Weekdays: {value!r} is not a day; use mon..sun, 1..7 (1 = Monday) or 周一..周日.",
            "星期：无法识别 {value!r}；请用 周一..周日、1..7（1 为周一）或 mon..sun。",
        ),
        "routines.bad.no_weekdays": ("Give at least one weekday.", "请至少填写一个星期几。"),
        "routines.bad.minutes": (
            "Minutes: {value!r} is not a duration; use 90, 90m, 1h or 1h30.",
            "时长：无法识别 {value!r}；请用 90、90m、1h 或 1h30。",
        ),
        "routines.bad.start": (
            "Start: {value!r} is not a time of day; use HH:MM like 09:30.",
            "开始时间须形如 09:30，而不是 {value!r}。",
        ),
        "routines.bad.range": (
            "Minutes must be a whole number from 1 to 1440.",
            "时长须为 1 到 1440 分钟的整数。",
        ),
    }
)

# Reminders (`[notify]`, `cockpit remind`): the toast, the terminal's notification and the
# command's listing; here, beside the agenda they remind of (the folder holds 15 modules).
LABELS.update(
    {
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
        "remind.marked": (
            "{n} {n|reminder|reminders} marked as told today.",
            "已将 {n} 条提醒记为今天已提醒。",
        ),
        # why the terminal is (not) told, for `cockpit doctor`
        "remind.why.off": ("[notify] terminal = off", "[notify] terminal = off"),
        "remind.why.set": ("[notify] terminal = {setting}", "[notify] terminal = {setting}"),
        "remind.why.unknown": (
            "no notification known for {names}",
            "{names} 没有已知的终端通知",
        ),
        "remind.why.known": ("{names} shows {kind}", "{names} 支持 {kind}"),
        "remind.why.unnamed": ("an unnamed terminal", "未命名的终端"),
        "remind.why.no_passthrough": (
            "tmux without allow-passthrough",
            "tmux 未开启 allow-passthrough",
        ),
        "remind.why.tmux": ("{reason}, through tmux", "{reason}，经 tmux 转发"),
        "cmd.reminders": ("app: what is due now", "应用：现在到期的事"),
        "cmd.reminders.help": (
            "Everything the reminders tell of now, told already or not ([notify])",
            "提醒此刻会说的每一件事，无论是否已提醒过（[notify]）",
        ),
    }
)
