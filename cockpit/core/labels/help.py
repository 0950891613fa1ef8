"""Help of the command line (`cockpit … --help`): every help text, description and
epilog of the command tree, and the metavars a Chinese help names its values by.

The parser holds the keys; `cockpit.cli.usage.helptext.Help` words them when help is
printed, in the configured language."""

# key: (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    "help.about": (
        "A keyboard-driven terminal cockpit for a product manager.",
        "产品经理的键盘驱动终端驾驶舱。",
    ),
    "help.data_dir": ("workspace directory", "工作区目录"),
    "help.config": ("config file (TOML)", "配置文件（TOML）"),
    "help.demo": (
        "open a fresh copy of the bundled demo workspace",
        "打开内置演示工作区的一份新副本",
    ),
    "help.add": ("add an item (default: this week's plan)", "添加事项（默认：本周计划）"),
    "help.ls": ("this week's open items and the carry-over", "本周未完成事项与上周遗留"),
    "help.done": ("mark items done", "标记事项完成"),
    "help.defer": (
        "move an item to another week, this one or later (default: the week after)",
        "把事项移到本周或以后的某一周（默认：下一周）",
    ),
    "help.drop": ("drop an item (kept in history)", "放弃事项（保留在历史中）"),
    "help.edit": ("change an item's fields (only the ones given)", "修改事项的字段（只改给出的）"),
    "help.note": (
        "add a dated note to an item (like task annotate)",
        "给事项加一条带日期的备注（类似 task annotate）",
    ),
    "help.show": (
        "every field of an item, its notes and its history",
        "事项的全部字段、备注与历史",
    ),
    "help.undo": (
        "take back the last change made from the command line",
        "撤销命令行做的最近一次修改",
    ),
    "help.customers": ("customers and their follow-ups", "客户与跟进"),
    "help.import": ("import from taskwarrior or CSV", "从 taskwarrior 或 CSV 导入"),
    "help.export": ("export the workspace", "导出工作区"),
    "help.backup": ("back up the workspace now", "立即备份工作区"),
    "help.restore": (
        "restore a backup (default: the newest), whole or one file",
        "恢复备份（默认：最新的一份），整体或单个文件",
    ),
    "help.metrics": ("monthly metric tables and their trends", "月度指标表及其趋势"),
    "help.req": ("the requirement pool", "需求池"),
    "help.launch": ("launch checklists", "上线检查清单"),
    "help.ical": ("calendar export, subscriptions and CalDAV sync", "日历导出、订阅与 CalDAV 同步"),
    "help.routines": ("the weekly cadence (routines)", "每周例行工作"),
    "help.feeds": ("feed subscriptions, refresh and entries", "订阅源、刷新与文章"),
    "help.report": ("the weekly report (Markdown or plain text)", "周报（Markdown 或纯文本）"),
    "help.doctor": (
        "show the config file and workspace in use and why, and what might stop cockpit",
        "显示正在使用的配置文件与工作区及其来源，以及可能妨碍 cockpit 的问题",
    ),
    "help.completion": (
        "print the shell completion script (bash, zsh or fish)",
        "输出 shell 补全脚本（bash、zsh 或 fish）",
    ),
    "help.add.week": (
        "this, next, +N, W48, 2026-W48 or a date",
        "本周、下周、下下周、+N、W48、2026-W48 或日期（也可写 this、next）",
    ),
    "help.add.due": (
        "YYYY-MM-DD, today, tomorrow, +N or a weekday",
        "YYYY-MM-DD、2026/12/15、12月15日、今天、明天、后天、+N 或星期几（周五、下周一）",
    ),
    "help.add.key": ("mark as a key item", "标为重点事务"),
    "help.add.recur": (
        "repeat: weekly, every 2 weeks on thu, every month on the last fri, the last friday"
        " of the quarter, .+3d (3 days after done), an RRULE; 每月15日 too",
        "重复：每周、每2周的周四、每月最后一个周五、每季度最后一个周五、每月15日、.+3d（完"
        "成后3天）或 RRULE；英文写法（weekly、every month on the last fri）亦可",
    ),
    "help.ls.list": (
        "key: every key item (--list key, --key or !); plan, ops: the others",
        "重点：全部重点事务（--list 重点、--key 或 !）；计划、运营：其余事项",
    ),
    "help.ls.all": ("every item of every week and status", "所有周、所有状态的全部事项"),
    "help.ls.view": (
        "a named view of the config ([views.NAME]): its filter and sort",
        "配置中命名的视图（[views.名称]）：使用其筛选与排序",
    ),
    "help.ls.filter": (
        "keep what the finder's words select: +tag @customer due:week list:key",
        "只保留查找词选中的事项：+标签 @客户 due:week list:key",
    ),
    "help.ls.sort": (
        "due, customer, tag, age, title, week; comma-separated, -desc",
        "按 due（截止）、customer（客户）、tag（标签）、age（时长）、title（标题）、week（"
        "周）排序；逗号分隔，前加 - 为倒序",
    ),
    "help.ls.done": (
        "what was finished or dropped (the archive too), by the week it was closed",
        "已完成或已放弃的事项（含归档），按关闭所在周列出",
    ),
    "help.ls.since": (
        "with --done: closed on or after a date or week (W44, last)",
        "与 --done 同用：在某日或某周（W44、上周）及之后关闭的",
    ),
    "help.defer.to": (
        "target week: this, next, +N, W48, a date (past weeks refused)",
        "目标周：本周、下周、+N、W48 或日期（不能是已过去的周）",
    ),
    "help.defer.shift_due": (
        "move the due date by as many weeks as the item moves (default: it stays)",
        "截止日期随事项推迟同样的周数（默认：不变）",
    ),
    "help.edit.about": (
        "Change an item: only the options given are changed. --tag +t adds a tag, --tag -t"
        " (or --tag=-t) removes one; none clears a due date, customer, owner or recurrence."
        " With --seq N (as show --json printed it) the edit is made only if nothing changed"
        " the item since.",
        "修改事项：只改给出的选项。--tag +t 添加标签，--tag -t（或 --tag=-t）删除标签；none"
        " 清除截止日期、客户、负责人或重复规则。加 --seq N（show --json 输出的值）时，只有"
        "事项此后未被改动才会修改。",
    ),
    "help.edit.due": (
        "YYYY-MM-DD, today, tomorrow, +N, a weekday, or none",
        "YYYY-MM-DD、今天、明天、+N、星期几（周五），或 none（清除）",
    ),
    "help.edit.customer": ("a customer's whole name, or none", "客户的完整名称，或 none（清除）"),
    "help.edit.owner": ("who does it, or none", "负责人，或 none（清除）"),
    "help.edit.tag": ("+t adds, -t removes", "+t 添加，-t 删除"),
    "help.edit.recur": (
        "weekly, every month on the 15th, .+3d, an RRULE, or none",
        "每周、每月15日、.+3d、RRULE，或 none（清除）",
    ),
    "help.edit.notes": (
        "replace the notes (cockpit note adds a dated line)",
        "替换备注（cockpit note 则是追加一条带日期的备注）",
    ),
    "help.edit.seq": ("refuse unless the item is still at this seq", "事项的 seq 已变化时拒绝修改"),
    "help.undo.about": (
        "Take back the newest change a cockpit command made (the last ten are kept), unless"
        " its records were changed again since.",
        "撤销 cockpit 命令做的最近一次修改（保留最近十次），除非相关记录此后又被改动过。",
    ),
    "help.customers.add": ("add a customer", "添加客户"),
    "help.customers.edit": (
        "change a customer's fields (only those given)",
        "修改客户的字段（只改给出的）",
    ),
    "help.customers.ls": ("list customers (due ones first)", "列出客户（待跟进的在前）"),
    "help.customers.deals": (
        "open opportunities, the largest deal first",
        "进行中的商机，金额大的在前",
    ),
    "help.customers.touch": (
        "log a call, visit, chat, mail or meeting",
        "记录一次电话、拜访、微信/钉钉、邮件或会议",
    ),
    "help.customers.import": ("add customers from a CSV file", "从 CSV 文件添加客户"),
    "help.customers.export": ("write customers as CSV", "把客户导出为 CSV"),
    "help.customers.add.deal_value": ("e.g. 1200000, 120万, 1.2M", "例如 1200000、120万、1.2M"),
    "help.customers.add.owner": ("the sales contact", "销售负责人"),
    "help.customers.add.next": ("next follow-up date", "下次跟进日期"),
    "help.customers.add.reason": ("why it may churn", "可能流失的原因"),
    "help.customers.edit.rename": (
        "a new name (linked open items follow)",
        "新名称（关联的未完成事项随之更新）",
    ),
    "help.customers.edit.no_next": ("clear the next follow-up", "清除下次跟进日期"),
    "help.customers.ls.by": (
        "group: accounts, customers, open opportunities, pipeline, churn risks",
        "分组汇总：客户数、正式客户、进行中商机、商机金额、流失风险",
    ),
    "help.customers.touch.date": ("when it happened (default: today)", "发生日期（默认：今天）"),
    "help.customers.export.output": ("default: stdout", "默认：标准输出"),
    "help.customers.export.lang": (
        "headers and tier/stage/source words (default: the UI's)",
        "表头及级别/阶段/来源用语的语言（默认：界面语言）",
    ),
    "help.import.taskwarrior": ("the JSON of `task export`", "`task export` 输出的 JSON"),
    "help.import.csv": ("a CSV file with a header row", "带表头行的 CSV 文件"),
    "help.export.json": ("everything as one JSON document", "全部数据导出为一个 JSON 文档"),
    "help.restore.about": (
        "Bring back a backup (one of `restore --list`). With --file only that file is replaced;"
        " a whole restore says which files it replaces and asks first (--yes in scripts). --from"
        " DIR takes the files of another folder and always asks. The replaced files are kept"
        " in backups/pre-restore-TIME.",
        "恢复一份备份（`restore --list` 列出的之一）。加 --file 只替换该文件；整体恢复会先"
        "列出将替换的文件并请你确认（脚本中用 --yes）。--from 目录 使用另一个文件夹中的文件"
        "，总会先确认。被替换的文件保存在 backups/pre-restore-时间 中。",
    ),
    "help.restore.name": (
        "the backup (see --list); default: the newest",
        "备份名称（见 --list）；默认：最新的一份",
    ),
    "help.restore.file": (
        "restore only this file (e.g. items.json); may be repeated",
        "只恢复这个文件（如 items.json）；可重复给出",
    ),
    "help.restore.from": (
        "restore from this folder instead of one of the workspace's backups (asks first)",
        "从这个文件夹恢复，而不是工作区自己的备份（会先确认）",
    ),
    "help.restore.yes": ("do not ask (for scripts)", "不确认（用于脚本）"),
    "help.restore.list": ("list backups instead", "改为列出备份"),
    "help.metrics.import": (
        "import a CSV file (whole file or nothing)",
        "导入 CSV 文件（要么整个导入，要么不导入）",
    ),
    "help.metrics.export": (
        "CSV of one table (default: every table)",
        "导出一张表的 CSV（默认：全部表）",
    ),
    "help.metrics.show": (
        "rows and trends (text: the last 12 months)",
        "数据与趋势（文本：最近12个月）",
    ),
    "help.metrics.set": (
        "add or amend a month's row: col=value ...",
        "添加或修改某月的一行：列=值 …",
    ),
    "help.metrics.import.table": (
        "revenue, opportunities, ops, projects, tickets, or a table of your own (default: a"
        " file with a 'table' column)",
        "营收（revenue）、商机（opportunities）、运营（ops）、项目（projects）、工单（tickets"
        "）或自定义表（默认：文件中的 table 列）",
    ),
    "help.metrics.table": (
        "revenue, opportunities, ops, projects, tickets, or a table of your own",
        "营收（revenue）、商机（opportunities）、运营（ops）、项目（projects）、工单（tickets"
        "）或自定义表",
    ),
    "help.metrics.export.lang": (
        "headers and table names (default: the UI's)",
        "表头与表名的语言（默认：界面语言）",
    ),
    "help.metrics.show.all": ("every month, not the last 12", "全部月份，而不只是最近12个月"),
    "help.metrics.show.shares": (
        "each key's share of the month and its move",
        "各项在当月的占比及其变化",
    ),
    "help.metrics.show.month": (
        "with --shares: the month (default: each table's latest)",
        "与 --shares 同用：月份（默认：每张表的最新月份）",
    ),
    "help.metrics.set.month": ("YYYY-MM", "YYYY-MM（年-月）"),
    "help.metrics.set.values": ("an empty value clears", "值为空表示清除"),
    "help.req.add": ("collect a requirement", "收集一条需求"),
    "help.req.ls": (
        "open requirements (--all: closed and rejected too)",
        "未关闭的需求（--all：含已关闭和已拒绝）",
    ),
    "help.req.edit": (
        "progress, expected date and risk (planned, in dev)",
        "进度、预计日期与风险（已规划、开发中的需求）",
    ),
    "help.req.move": ("change a requirement's status", "改变需求的状态"),
    "help.req.show": ("a requirement and its change log", "一条需求及其变更记录"),
    "help.req.add.kano": (
        "must-be, performance, attractive, indifferent, reverse",
        "必备、期望、魅力、无差异、反向（或 must-be、performance、attractive、indifferent、revers"
        "e）",
    ),
    "help.req.add.priority": ("P0 (highest) to P3", "P0（最高）到 P3"),
    "help.req.add.ref": ("ticket number or sales contact", "工单号或销售联系人"),
    "help.req.add.release": ("target release", "目标版本"),
    "help.req.ls.sort": (
        "risk: high first, then the earliest expected date",
        "risk：高风险在前，其次预计日期早的在前",
    ),
    "help.req.edit.progress": ("percent done, 0-100", "完成百分比，0-100"),
    "help.req.edit.expected": (
        "expected date: 2026-12-20, fri, +14 ('' clears it)",
        "预计日期：2026-12-20、周五、+14（'' 清除）",
    ),
    "help.req.edit.risk": (
        "none, low or high (low and high need a reason)",
        "none（无）、low（低）或 high（高）（低、高需给出原因）",
    ),
    "help.req.edit.risk_reason": ("one line: why", "一行：原因"),
    "help.req.move.status": (
        "collected, reviewed, planned, in-development, released, closed, rejected",
        "已收集、已评审、已规划、开发中、已发布、已关闭、已拒绝（或 collected、reviewed、planned"
        "、in-development、released、closed、rejected）",
    ),
    "help.launch.new": ("a launch from a template", "按模板新建一次上线"),
    "help.launch.ls": ("launches with progress and overdue items", "各次上线的进度与逾期项"),
    "help.launch.show": ("a launch's checklist", "一次上线的检查清单"),
    "help.launch.check": ("tick a checklist item done", "勾选完成一项检查"),
    "help.launch.new.date": ("go-live date", "上线日期"),
    "help.launch.check.undo": ("open the item again", "重新打开该项"),
    "help.ical.export": (
        "write routines and dated work as one .ics",
        "把例行工作和有日期的事项写成一个 .ics 文件",
    ),
    "help.ical.import": (
        "subscribe to an .ics file or URL for the agenda",
        "订阅一个 .ics 文件或网址，显示在日程中",
    ),
    "help.ical.sync": (
        "push to and pull from the [caldav] calendar",
        "与 [caldav] 配置的日历双向同步",
    ),
    "help.ical.refresh": ("re-read every subscribed calendar", "重新读取所有订阅的日历"),
    "help.ical.ls": ("subscribed calendars", "已订阅的日历"),
    "help.ical.rm": ("forget an imported calendar", "删除一个导入的日历"),
    "help.ical.agenda": (
        "routines, due dates, follow-ups and events by day",
        "按天列出例行工作、截止日期、客户跟进与日程",
    ),
    "help.ical.export.output": (
        "file to write (default: standard output)",
        "写入的文件（默认：标准输出）",
    ),
    "help.ical.import.source": (
        "a file path or an http(s)/webcal URL",
        "文件路径，或 http(s)/webcal 网址",
    ),
    "help.ical.rm.source": ("its file, URL or name", "它的文件、网址或名称"),
    "help.ical.agenda.from": ("first day (default: today)", "第一天（默认：今天）"),
    "help.ical.agenda.days": (
        "how many days (default: [calendar] days)",
        "天数（默认：[calendar] days）",
    ),
    "help.routines.ls": ("list routines", "列出例行工作"),
    "help.routines.reset": (
        "bring back the default routines that are missing",
        "恢复缺少的默认例行工作",
    ),
    "help.routines.skip": ("skip one day of a routine", "跳过某一天的例行工作"),
    "help.routines.unskip": ("undo a skip", "取消跳过"),
    "help.feeds.add": ("subscribe to a feed URL", "订阅一个订阅源网址"),
    "help.feeds.import": ("subscribe to the feeds of an OPML file", "订阅 OPML 文件中的订阅源"),
    "help.feeds.export": ("subscriptions as OPML", "把订阅导出为 OPML"),
    "help.feeds.ls": ("subscriptions with their status", "订阅源及其状态"),
    "help.feeds.refresh": (
        "fetch feeds now (default: every enabled feed)",
        "立即抓取（默认：所有已启用的订阅源）",
    ),
    "help.feeds.entries": ("stored entries, newest first", "已保存的文章，最新的在前"),
    "help.feeds.rm": ("unsubscribe (starred entries stay)", "取消订阅（已收藏的文章保留）"),
    "help.feeds.enable": ("fetch these feeds again", "重新抓取这些订阅源"),
    "help.feeds.disable": (
        "stop fetching these feeds (entries stay)",
        "停止抓取这些订阅源（文章保留）",
    ),
    "help.feeds.add.title": ("default: the feed's own title", "默认：订阅源自己的名称"),
    "help.feeds.import.defaults": ("the bundled PostgreSQL list", "内置的 PostgreSQL 订阅列表"),
    "help.feeds.refresh.ids": ("only these feed ids", "只抓取这些编号的订阅源"),
    "help.feeds.refresh.force": (
        "also feeds backing off after errors",
        "也抓取出错后正在退避的订阅源",
    ),
    "help.feeds.entries.feed": ("only this feed id", "只看这个编号的订阅源"),
    "help.feeds.entries.limit": ("at most N entries", "最多 N 篇"),
    "help.report.week": ("the five-part weekly report of a week", "某一周的五部分周报"),
    "help.report.week.week": (
        "this (default), last, -1, W46, 2026-W46 or a date",
        "本周（默认）、上周、-1、W46、2026-W46 或日期",
    ),
    "help.report.week.lang": (
        "headings' language (default: [report] language)",
        "标题的语言（默认：[report] language）",
    ),
    "help.report.week.format": (
        "md: Markdown (default); text: plain text for chat (DingTalk, WeCom, mail): no Markdown"
        " syntax, numbered lines, links as bare URLs",
        "md：Markdown（默认）；text：适合钉钉、企业微信、邮件的纯文本：没有 Markdown 符号，"
        "行前编号，链接为网址",
    ),
    "help.report.week.output": ("write to FILE instead of printing", "写入文件而不是输出到屏幕"),
    "help.doctor.json": ("machine-readable, stable keys", "机器可读，键名稳定"),
    "help.remind": (
        "what is coming due now: the open app's reminders",
        "现在该提醒的事：与打开的应用弹出的提醒相同",
    ),
    "help.remind.json": (
        "JSON: key,kind,id,title,date,start,told",
        "以 JSON 输出：key、kind、id、title、date、start、told",
    ),
    "help.remind.all": ("also those already told today", "也列出今天已经提醒过的"),
    "help.remind.mark": (
        "record them as told (the app will not repeat them)",
        "记为已提醒（打开的应用不会再重复）",
    ),
    # epilogs (kept as written: column tables and commands)
    "help.customers.csv": (
        """CSV columns (`customers export` writes them all; `customers import` needs only name):
  name           the customer, unique (case-insensitive)          名称, 客户
  tier           top, key or normal (default normal)              级别
  stage          lead, opportunity, customer (default),           阶段
                 churn-risk or churned
  deal_value     1200000, 1,200,000, 120万 or 1.2M                金额, 商机金额
  industry       free text                                        行业
  region         free text                                        区域
  source         direct, sales, channel or partner                来源
  owner          the sales contact                                负责人, 销售
  next_followup  a date: 2026-12-01, fri, +7                      下次跟进
  last_touch     the date of the last contact                     上次联系
  churn_reason   why it may churn (required for churn-risk)       流失原因
  stage_since    the date the stage was set                       阶段日期
  stage_from     the stage it left then                           原阶段
  created        when it was added (ISO time)                     创建时间
  notes          free text                                        备注
Headers match case-insensitively ("Next Followup" is next_followup), and the Chinese
headers on the right are read too. Any other column is kept in notes as "column: value".
Files may be UTF-8 with or without a BOM (Excel's "CSV UTF-8"), UTF-16, or GBK (Excel's
plain "CSV" on Chinese Windows). A bad row stops the import, naming its line, and
nothing is imported. `export -o FILE` writes UTF-8 with a BOM, so Excel opens it.
""",
        """CSV 列（`customers export` 写出全部列；`customers import` 只需要 name）：
  name           客户名称，不重复（不区分大小写）                名称、客户
  tier           top、key 或 normal（默认 normal）               级别
                 重点/关键/普通 亦可
  stage          lead、opportunity、customer（默认）、           阶段
                 churn-risk 或 churned
  deal_value     1200000、1,200,000、120万 或 1.2M               金额、商机金额
  industry       任意文本                                        行业
  region         任意文本                                        区域
  source         direct、sales、channel 或 partner               来源
                 直销/销售/渠道/合作伙伴 亦可
  owner          销售负责人                                      负责人、销售
  next_followup  日期：2026-12-01、周五、+7                      下次跟进
  last_touch     最近一次联系的日期                              上次联系
  churn_reason   可能流失的原因（churn-risk 必填）               流失原因
  stage_since    进入当前阶段的日期                              阶段日期
  stage_from     之前的阶段                                      原阶段
  created        添加时间（ISO 时间）                            创建时间
  notes          任意文本                                        备注
表头不区分大小写（"Next Followup" 即 next_followup），右侧的中文表头同样可以识
别。其他列以"列名: 值"的形式存入备注。文件可以是带或不带 BOM 的 UTF-8（Excel
的"CSV UTF-8"）、UTF-16 或 GBK（中文 Windows 上 Excel 的普通"CSV"）。某一行有
误时整个导入停止并指出行号，不会导入任何内容。`export -o 文件` 写出带 BOM 的
UTF-8，Excel 可直接打开。
""",
    ),
    "help.doctor.more": (
        "Version, the config file and data directory in use (and which flag or variable chose"
        " them), language, time zone, schema, backups, lock, feeds, CalDAV and terminal facts."
        " Reads only. Exits 1 when it finds a problem.",
        "版本、正在使用的配置文件与数据目录（以及由哪个选项或环境变量决定）、语言、时区、数"
        "据版本、备份、锁、订阅源、CalDAV 与终端信息。只读不写。发现问题时退出状态为 1。",
    ),
    "help.completion.install": (
        """install:
  bash  cockpit completion bash > ~/.local/share/bash-completion/completions/cockpit
  zsh   cockpit completion zsh > ~/.zfunc/_cockpit
        (and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath))
  fish  cockpit completion fish > ~/.config/fish/completions/cockpit.fish
then open a new shell.""",
        """安装：
  bash  cockpit completion bash > ~/.local/share/bash-completion/completions/cockpit
  zsh   cockpit completion zsh > ~/.zfunc/_cockpit
        （并在 ~/.zshrc 的 compinit 之前加上：fpath=(~/.zfunc $fpath)）
  fish  cockpit completion fish > ~/.config/fish/completions/cockpit.fish
然后打开一个新的 shell。""",
    ),
    # metavars: what a value is called in a Chinese help (`--week 周`); English shows
    # argparse's own (the option's name in capitals)
    "usage.mv.action": ("ACTION", "操作"),
    "usage.mv.command": ("COMMAND", "命令"),
    "usage.mv.format": ("FORMAT", "格式"),
    "usage.mv.source": ("source", "来源"),
    "usage.mv.category": ("CATEGORY", "分类"),
    "usage.mv.channel": ("CHANNEL", "渠道"),
    "usage.mv.churn_reason": ("CHURN_REASON", "原因"),
    "usage.mv.config": ("CONFIG", "配置文件"),
    "usage.mv.customer": ("CUSTOMER", "客户"),
    "usage.mv.data_dir": ("DATA_DIR", "目录"),
    "usage.mv.date": ("date", "日期"),
    "usage.mv.day": ("DAY", "日期"),
    "usage.mv.days": ("DAYS", "天数"),
    "usage.mv.deal_value": ("DEAL_VALUE", "金额"),
    "usage.mv.dir": ("DIR", "目录"),
    "usage.mv.due": ("DUE", "日期"),
    "usage.mv.expected": ("EXPECTED", "日期"),
    "usage.mv.feed": ("FEED", "编号"),
    "usage.mv.file": ("file", "文件"),
    "usage.mv.file.csv": ("FILE.csv", "文件.csv"),
    "usage.mv.filter": ("FILTER", "条件"),
    "usage.mv.first": ("FIRST", "日期"),
    "usage.mv.form": ("FORM", "格式"),
    "usage.mv.industry": ("INDUSTRY", "行业"),
    "usage.mv.kano": ("KANO", "类型"),
    "usage.mv.kind": ("KIND", "类型"),
    "usage.mv.lang": ("LANG", "语言"),
    "usage.mv.limit": ("LIMIT", "数量"),
    "usage.mv.list_name": ("LIST_NAME", "清单"),
    "usage.mv.month": ("MONTH", "月份"),
    "usage.mv.next_followup": ("NEXT_FOLLOWUP", "日期"),
    "usage.mv.note": ("NOTE", "内容"),
    "usage.mv.notes": ("NOTES", "备注"),
    "usage.mv.output": ("OUTPUT", "文件"),
    "usage.mv.owner": ("OWNER", "负责人"),
    "usage.mv.priority": ("PRIORITY", "优先级"),
    "usage.mv.progress": ("PROGRESS", "进度"),
    "usage.mv.reason": ("REASON", "原因"),
    "usage.mv.recur": ("RECUR", "规则"),
    "usage.mv.ref": ("REF", "出处"),
    "usage.mv.region": ("REGION", "区域"),
    "usage.mv.release": ("RELEASE", "版本"),
    "usage.mv.rename": ("RENAME", "新名称"),
    "usage.mv.risk": ("RISK", "风险"),
    "usage.mv.risk_reason": ("RISK_REASON", "原因"),
    "usage.mv.seq": ("SEQ", "序号"),
    "usage.mv.since": ("SINCE", "起点"),
    "usage.mv.sort": ("SORT", "排序"),
    "usage.mv.stage": ("STAGE", "阶段"),
    "usage.mv.status": ("status", "状态"),
    "usage.mv.table": ("TABLE", "表"),
    "usage.mv.tags": ("TAGS", "标签"),
    "usage.mv.template": ("TEMPLATE", "模板"),
    "usage.mv.tier": ("TIER", "级别"),
    "usage.mv.title": ("title", "标题"),
    "usage.mv.to": ("TO", "周"),
    "usage.mv.view": ("VIEW", "视图"),
    "usage.mv.week": ("WEEK", "周"),
    "usage.mv.industry|region|source": ("industry|region|source", "行业|区域|来源"),
    "usage.mv.col=value": ("COL=VALUE", "列=值"),
    "usage.mv.item_no": ("ITEM_NO", "序号"),
    "usage.mv.id": ("id", "编号"),
    "usage.mv.ids": ("ids", "编号"),
    "usage.mv.name": ("name", "名称"),
    "usage.mv.text": ("text", "内容"),
    "usage.mv.url": ("url", "网址"),
    "usage.mv.values": ("values", "列=值"),
    # goals, key results and the roadmap
    "help.goals": ("objectives and key results by quarter", "按季度的目标与关键结果"),
    "help.goals.ls": (
        "objectives of a quarter with progress and risk",
        "某季度的目标，含进度与风险",
    ),
    "help.goals.ls.quarter": (
        "2026-Q4, Q4, this (default), next, last, or all",
        "季度：2026-Q4、Q4、本季度（默认）、下季度、上季度或 all（全部）",
    ),
    "help.goals.add": ("add an objective", "新增目标"),
    "help.goals.add.quarter": ("default: this quarter", "默认：本季度"),
    "help.goals.edit": (
        "change an objective's title, quarter or owner",
        "修改目标的标题、季度或负责人",
    ),
    "help.goals.rm": ("delete an objective and its key results", "删除目标及其关键结果"),
    "help.goals.kr": ("key results of an objective", "目标的关键结果（KR）"),
    "help.goals.kr.add": ("add a key result to an objective", "为目标新增关键结果"),
    "help.goals.kr.add.id": ("the objective's id", "目标编号"),
    "help.goals.kr.metric": (
        "measured by a metrics column: revenue.cash, 营收, tickets.count …",
        "以指标列衡量：revenue.cash、营收、tickets.count …",
    ),
    "help.goals.kr.target": ("the target: 6000万, 1200 …", "目标值：6000万、1200 …"),
    "help.goals.kr.start": (
        "the value the quarter starts from (default 0)",
        "季度起点值（默认 0）",
    ),
    "help.goals.kr.agg": (
        "sum (quarter total, default) or last (latest month)",
        "sum（季度合计，默认）或 last（最近一个月）",
    ),
    "help.goals.kr.items": ("measured by linked items done: 12,15", "以关联事项的完成衡量：12,15"),
    "help.goals.kr.reqs": (
        "measured by linked requirements released: 3,7",
        "以关联需求的发布衡量：3,7",
    ),
    "help.goals.kr.edit": ("change a key result (OBJECTIVE.N)", "修改关键结果（目标编号.序号）"),
    "help.goals.kr.ref": ("3.2: objective 3's second key result", "3.2：3 号目标的第 2 个关键结果"),
    "help.goals.kr.links": ("linked ids, replacing the old ones", "关联编号，替换原有的"),
    "help.goals.kr.rm": ("delete a key result (OBJECTIVE.N)", "删除关键结果（目标编号.序号）"),
    "help.roadmap": (
        "committed requirements by target release",
        "按目标版本排列的已承诺需求（路线图）",
    ),
    "help.roadmap.release": ("only this release ('' for unscheduled)", "只看此版本（'' 为未排期）"),
    "help.req.edit.release": (
        "target release: 17.3, 2026-Q4 ('' clears it)",
        "目标版本：17.3、2026-Q4（'' 清除）",
    ),
    "help.req.edit.reason": (
        "why (a committed requirement's release)",
        "原因（已承诺需求改版本时必填）",
    ),
}
