"""Labels of the domain's refusals (`cockpit.core.errors`), the words of its values,
item history and undo steps: everything the domain says, keyed so it renders in the
language of whoever reads it (tests/unit/test_catalog.py checks each has Chinese)."""

# key: (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    # dates and weeks
    "err.date": (
        "cannot read date {text!r}; use YYYY-MM-DD, 2026/12/15, today, tomorrow, +N or a "
        "weekday (fri)",
        "无法识别日期 {text!r}：请用 2026-12-15、2026/12/15、2026年12月15日、12月15日、"
        "今天、明天、后天、+3、周五或下周一",
    ),
    "err.date_no_such_day": ("{text!r} is not a day of the calendar", "{text!r} 不是日历上的日期"),
    "err.week": (
        "cannot read week {text!r}; use this, next, last, +N, W48, 2026-W48 or a date",
        "无法识别周 {text!r}：请用 本周、下周、下下周、上周、+2、W48、2026-W48 或日期",
    ),
    "err.week_no_such": ("week {text!r} does not exist in {year}", "{year} 年没有 {text!r} 这一周"),
    "err.week_not_iso": ("not an ISO week: {text!r}", "不是 ISO 周：{text!r}"),
    # values of a closed vocabulary
    "err.value": (
        "{field} must be one of {choices}, not {value!r}",
        "{field}只能是 {choices} 之一，不能是 {value!r}",
    ),
    "err.cannot_edit": ("cannot edit {fields}", "不能修改 {fields}"),
    "field.list": ("list", "列表"),
    "field.status": ("status", "状态"),
    "field.tier": ("tier", "级别"),
    "field.stage": ("stage", "阶段"),
    "field.source": ("source", "来源"),
    "field.channel": ("channel", "联系方式"),
    "field.kano": ("kano", "Kano 分类"),
    "field.req_status": ("status", "状态"),
    "field.req_source": ("source", "来源"),
    "field.priority": ("priority", "优先级"),
    "status.open": ("open", "进行中"),
    "status.done": ("done", "已完成"),
    "status.dropped": ("dropped", "已放弃"),
    # items
    "err.item.none": ("no item with id {id}", "没有编号为 {id} 的事项"),
    "err.item.title": ("an item needs a title", "事项需要标题"),
    "err.item.archived": ("item {id} is archived and cannot change", "事项 {id} 已归档，不能修改"),
    "err.item.archived_status": (
        "item {id} is archived ({status}) and cannot change",
        "事项 {id} 已归档（{status}），不能修改",
    ),
    "err.item.already_done": ("item {id} is already done", "事项 {id} 已经完成"),
    "err.item.already_dropped": ("item {id} is already dropped", "事项 {id} 已经放弃"),
    "err.item.past_week": (
        "{week} is in the past: defer to {current} or a later week",
        "{week} 已经过去：请推迟到 {current} 或之后的一周",
    ),
    "err.item.not_open": (
        "item {id} is {status}; only open items move",
        "事项 {id} {status}，只有进行中的事项可以推迟",
    ),
    "err.item.same_week": (
        "item {id} is already planned for {week}",
        "事项 {id} 已经计划在 {week}",
    ),
    "err.item.id": (
        "{text!r} is not an item id (ids are numbers, see `cockpit ls`)",
        "{text!r} 不是事项编号（编号是数字，见 `cockpit ls`）",
    ),
    # customers
    "err.customer.no_id": ("no customer with id {id}", "没有编号为 {id} 的客户"),
    "err.customer.none_like": (
        "no customer is named {name!r}; did you mean {names}?",
        "没有名为 {name!r} 的客户；是否指 {names}？",
    ),
    "err.customer.none": (
        "no customer is named {name!r} (see `cockpit customers ls`, or add it with "
        "`cockpit customers add {name}`)",
        "没有名为 {name!r} 的客户（见 `cockpit customers ls`，或用 "
        "`cockpit customers add {name}` 添加）",
    ),
    "err.customer.name": ("a customer needs a name", "客户需要名称"),
    "err.customer.exists": (
        "a customer named {name!r} already exists",
        "已有名为 {name!r} 的客户",
    ),
    "err.customer.deal_number": (
        "deal value must be a number, not {value!r}",
        "金额必须是数字，不能是 {value!r}",
    ),
    "err.customer.deal_negative": (
        "deal value must be zero or more, not {value!r}",
        "金额不能为负数：{value!r}",
    ),
    "err.customer.deal": (
        "deal value must be a number like 1200000, 120万 or 1.2M, not {value!r}",
        "金额应是 1200000、120万 或 1.2M 这样的数字，不能是 {value!r}",
    ),
    "err.customer.churn_reason": (
        "say why {name!r} is a churn risk (a churn reason)",
        "请说明 {name!r} 有流失风险的原因",
    ),
    "err.customer.churn_stage": (
        "a churn reason goes with stage churn-risk or churned",
        "只有流失风险或已流失阶段才有流失原因",
    ),
    "err.customer.touch_ahead": (
        "a touch is logged when it happened, not ahead ({day})",
        "联系记录只能记已发生的（{day} 还没到）",
    ),
    # routines
    "err.routine.cannot_edit": ("cannot edit {fields} of a routine", "例行安排不能修改 {fields}"),
    "err.routine.weekdays": (
        "weekdays are numbers 0 (Monday) to 6 (Sunday), at least one",
        "星期用 0（周一）到 6（周日）表示，至少一天",
    ),
    "err.routine.start": (
        "start must be a time like 09:30, not {value!r}",
        "开始时间应像 09:30，不能是 {value!r}",
    ),
    "err.routine.minutes": (
        "minutes must be a whole number from 1 to 1440",
        "时长应是 1 到 1440 之间的整数分钟",
    ),
    "err.routine.since": (
        "since must be a date, not {value!r}",
        "起始日期应是日期，不能是 {value!r}",
    ),
    "err.routines.array": (
        "[[routines]] must be an array of tables",
        "[[routines]] 必须是表数组",
    ),
    "err.routines.key": ('routine entry {n} has no key = "…"', '第 {n} 个例行安排缺少 key = "…"'),
    "err.routines.unknown": (
        "routine {name!r}: unknown field {field!r}",
        "例行安排 {name!r}：未知字段 {field!r}",
    ),
    "err.routines.entry": ("routine {name!r}: {problem}", "例行安排 {name!r}：{problem}"),
    "err.routines.list": ("routine {name!r}: expected a list", "例行安排 {name!r}：这里应是列表"),
    "err.routines.weekday": (
        "routine {name!r}: {value!r} is not a weekday (mon..sun or 1..7)",
        "例行安排 {name!r}：{value!r} 不是星期（周一..周日、mon..sun 或 1..7）",
    ),
    # item history (stored in English, shown in the reader's language)
    "hist.created": ("created", "创建"),
    "hist.added": ("add", "添加"),
    "hist.done": ("done", "完成"),
    "hist.dropped": ("dropped", "放弃"),
    "hist.reopened": ("reopened", "重新打开"),
    "hist.kept": ("kept", "保留到本周"),
    "hist.key_toggled": ("key toggled", "切换重点"),
    "hist.edited": ("edited", "编辑"),
    "hist.deleted": ("delete", "删除"),
    "hist.imported": ("imported", "导入"),
    "hist.deferred": ("deferred to {week}", "推迟到 {week}"),
    "hist.renamed": ("customer renamed to {name}", "客户改名为 {name}"),
    # undo steps ("Undone: …")
    "undo.item": ("{what} {title}", "{what} {title}"),
    "undo.customer": ("{what} {name}", "{what} {name}"),
    "undo.add": ("add", "添加客户"),
    "undo.edit": ("edit", "编辑客户"),
    "undo.touch": ("touch", "联系记录"),
    "undo.stage": ("{stage}", "阶段改为{stage}"),
    # files and lines
    "err.file.read": ("cannot read {path}: {problem}", "无法读取 {path}：{problem}"),
    "err.file.write": ("cannot write {path}: {problem}", "无法写入 {path}：{problem}"),
    "err.file.missing": ("{path} does not exist", "{path} 不存在"),
    "err.file.too_big": ("{path} is larger than {mb} MB", "{path} 超过 {mb} MB"),
    "err.no_workspace": ("no workspace at {path}", "{path} 没有工作区"),
    "err.line": ("line {line}: {problem}", "第 {line} 行：{problem}"),
    "err.and_more": ("and {n} more", "另有 {n} 处"),
    "err.import.nothing": (
        "{path}: nothing imported, {n} bad {n|row|rows}: {problems}",
        "{path}：未导入任何内容，{n} 行有误：{problems}",
    ),
    "err.csv.invalid": (
        "{path} line {line} is not valid CSV ({problem})",
        "{path} 第 {line} 行不是有效的 CSV（{problem}）",
    ),
    "err.csv.empty": (
        "{path} is empty; it needs a header row naming the columns",
        "{path} 是空的：第一行应是列名",
    ),
    "err.csv.no_column": (
        "{path} has no {column!r} column in its header row (line 1)",
        "{path} 的表头（第 1 行）缺少 {column!r} 列",
    ),
    # metrics
    "err.metrics.no_column": (
        "{table} has no column {column!r}; its columns are {names}",
        "{table}没有 {column!r} 列；可用的列：{names}",
    ),
    "err.metrics.no_column_short": (
        "{table} has no column {column!r}",
        "{table}没有 {column!r} 列",
    ),
    "err.metrics.month": (
        "month {text!r} is not a month like 2026-10",
        "{text!r} 不是月份（应像 2026-10 或 2026年10月）",
    ),
    "err.metrics.whole": (
        "{column} must be a whole number, not {value!r}",
        "{column}必须是整数，不能是 {value!r}",
    ),
    "err.metrics.negative": (
        "{column} is a count and cannot be negative ({value!r})",
        "{column}是计数，不能为负（{value!r}）",
    ),
    "err.metrics.amount": (
        "{column} must be an amount like 1234.56, -80 or 12.5万, not {value!r}",
        "{column}应是金额，如 1234.56、-80 或 12.5万，不能是 {value!r}",
    ),
    "err.metrics.number": (
        "{column} must be a number, not {value!r}",
        "{column}必须是数字，不能是 {value!r}",
    ),
    "err.metrics.date": (
        "{column} must be a date like 2026-11-30, not {value!r}",
        "{column}应是日期，如 2026-11-30，不能是 {value!r}",
    ),
    "err.metrics.row_month": ("every {table} row needs a month", "{table}的每一行都需要月份"),
    "err.metrics.row_key": (
        "every {table} row needs a {key} (several per month)",
        "{table}的每一行都需要{key}（每月可有多行）",
    ),
    "err.metrics.valuable": (
        "valuable opportunities ({valuable}) exceed the total ({total})",
        "有效商机（{valuable}）超过了商机总数（{total}）",
    ),
    "err.metrics.table": (
        "no metric table {table!r}; use one of {choices}",
        "没有名为 {table!r} 的数据表；可用：{choices}",
    ),
    "err.metrics.no_table_column": (
        "{path} has no 'table' column; name the table with --table",
        "{path} 没有 'table' 列：请用 --table 指定数据表",
    ),
    "err.metrics.row_table": (
        "the row is for {row!r}, not {table}",
        "这一行属于 {row!r}，不是 {table}",
    ),
    "err.metrics.twice": (
        "in the header of {path}, the {table} column {column!r} appears twice",
        "{path} 的表头两次出现{table}的 {column!r} 列",
    ),
    "err.metrics.repeated": (
        "line {line}: {what} is already on line {first}",
        "第 {line} 行：{what} 已在第 {first} 行出现",
    ),
    "err.metrics.with_stored": (
        "line {line}: {problem} (with the stored row)",
        "第 {line} 行：{problem}（与已存的行合并后）",
    ),
    "err.metrics.no_row": ("{table} has no row {id}", "{table}没有第 {id} 行"),
    "err.metrics.taken": (
        "{table} already has a row for {what}; edit that one instead",
        "{table}已有 {what} 的一行；请改那一行",
    ),
    "err.metrics.pair": (
        "{text!r} is not COL=VALUE (e.g. cash=1200000)",
        "{text!r} 不是 列=值 的形式（如 cash=1200000）",
    ),
    # requirements and launches
    "err.req.none": ("no requirement with id {id}", "没有编号为 {id} 的需求"),
    "err.req.id": (
        "{text!r} is not a requirement id (see `cockpit req ls`)",
        "{text!r} 不是需求编号（见 `cockpit req ls`）",
    ),
    "err.req.field": ("a requirement has no {fields}", "需求没有 {fields} 字段"),
    "err.req.cannot_edit": ("cannot edit {fields} of a requirement", "不能修改需求的 {fields}"),
    "err.req.customer": (
        "a requirement from a customer needs the customer's name",
        "来自客户的需求需要填写客户名称",
    ),
    "err.req.title": ("a requirement needs a title", "需求需要标题"),
    "err.req.reason": ("a status change needs a reason", "修改状态需要填写原因"),
    "err.req.already": ("requirement {id} is already {status}", "需求 {id} 已经是{status}"),
    "err.req.final": (
        "requirement {id} is {status}; a {status} requirement is final",
        "需求 {id} 已{status}，不能再变更",
    ),
    "err.req.move": (
        "requirement {id} cannot move from {old} to {new}; it can move to {allowed}",
        "需求 {id} 不能从{old}改为{new}；只能改为 {allowed}",
    ),
    "err.req.no_next": ("requirement {id} has no next step", "需求 {id} 没有下一步"),
    "err.req.scope": (
        "requirement {id} is {status}; a scope change needs a reason",
        "需求 {id} 已{status}：修改范围需要填写原因",
    ),
    "err.launch.none": ("no launch named {name!r}", "没有名为 {name!r} 的上线"),
    "err.launch.several": (
        "{name!r} matches several launches: {names}",
        "{name!r} 对应多个上线：{names}",
    ),
    "err.launch.name": ("a launch needs a name", "上线需要名称"),
    "err.launch.date": (
        "a launch needs a go-live date (--date YYYY-MM-DD)",
        "上线需要上线日期（--date 2026-12-15）",
    ),
    "err.launch.template": (
        "no launch template {template!r}; use {choices}",
        "没有名为 {template!r} 的上线模板；可用：{choices}",
    ),
    "err.launch.exists": ("a launch named {name!r} already exists", "已有名为 {name!r} 的上线"),
    "err.launch.item_field": ("a launch item has no {fields}", "上线清单项没有 {fields} 字段"),
    "err.launch.state": ("state must be one of {choices}", "状态只能是 {choices} 之一"),
    "err.launch.item_title": ("a launch item needs a title", "上线清单项需要标题"),
    "err.launch.no_item": (
        "launch {name!r} has no item {no} (items 1-{last})",
        "上线 {name!r} 没有第 {no} 项（共 1-{last} 项）",
    ),
    # routines, notes, customers (CLI)
    "err.routine.none": ("no routine with id {id}", "没有编号为 {id} 的例行安排"),
    "err.routine.title": ("a routine needs a title", "例行安排需要标题"),
    "err.routine.not_on": ("{title} does not happen on {day}", "{title} 在 {day} 没有安排"),
    "err.routine.skipped": ("{title} is already skipped on {day}", "{title} 在 {day} 已经跳过"),
    "err.routine.not_skipped": ("{title} is not skipped on {day}", "{title} 在 {day} 没有跳过"),
    "err.routine.no_line": ("{title} has no checklist line {n}", "{title} 没有第 {n} 条检查项"),
    "err.note.text": ("a note needs some text", "笔记不能为空"),
    "err.note.section": ("section must be one of {choices}", "栏目只能是 {choices} 之一"),
    "err.note.highlights": (
        "keep the highlights to {n} {n|line|lines} at most",
        "本周要点最多 {n} 条",
    ),
    "err.note.highlight_long": (
        "a highlight is one line of at most {n} {n|character|characters}",
        "每条要点是一行，最多 {n} 个字",
    ),
    "err.note.highlight": ("a highlight needs some text", "要点不能为空"),
    "err.customer.nothing_to_change": (
        "say what to change, e.g. --stage opportunity (see --help)",
        "请说明要改什么，例如 --stage 商机（见 --help）",
    ),
    # taskwarrior
    "err.tw.task": ("task {n}", "第 {n} 个任务"),
    "err.tw.line": ("line {n}", "第 {n} 行"),
    "err.tw.status": (
        "{where} in {path} has an unknown status {status!r}",
        "{path} 中{where}的状态 {status!r} 无法识别",
    ),
    "err.tw.utf8": (
        "{path} is not UTF-8 text, so not a taskwarrior export",
        "{path} 不是 UTF-8 文本，不是 taskwarrior 导出文件",
    ),
    "err.tw.json": (
        "{path} is not valid JSON (line {line}: {problem})",
        "{path} 不是有效的 JSON（第 {line} 行：{problem}）",
    ),
    "err.tw.list": (
        "{path} is not a list of taskwarrior tasks",
        "{path} 不是 taskwarrior 任务列表",
    ),
    "err.tw.line_json": (
        "line {n} of {path} is not a JSON task object ({problem})",
        "{path} 第 {n} 行不是 JSON 任务（{problem}）",
    ),
    "err.tw.object": (
        "{where} in {path} is not a taskwarrior task object",
        "{path} 中{where}不是 taskwarrior 任务",
    ),
    "err.tw.uuid": (
        "{where} in {path} has a bad uuid {uuid!r}",
        "{path} 中{where}的 uuid {uuid!r} 无效",
    ),
    "err.tw.date": (
        "{where} in {path} has a bad {name} date {value!r}",
        "{path} 中{where}的 {name} 日期 {value!r} 无效",
    ),
    "err.tw.description": ("{where} in {path} has no description", "{path} 中{where}没有描述"),
    "err.tw.tags": (
        "{where} in {path} has tags that are not a list of words",
        "{path} 中{where}的标签不是词语列表",
    ),
    "err.tw.where": ("{where} in {path}: {problem}", "{path} 中{where}：{problem}"),
    "err.tw.annotations": (
        "{where} in {path} has annotations that are not a list",
        "{path} 中{where}的注释不是列表",
    ),
    "err.tw.annotation_text": (
        "{where} in {path} has an annotation without text",
        "{path} 中{where}有一条没有文字的注释",
    ),
    "err.tw.annotation_date": (
        "{where} in {path} has a bad annotation date {value!r}",
        "{path} 中{where}的注释日期 {value!r} 无效",
    ),
    # calendars and CalDAV
    "err.cal.folder": ("{path} is a folder, not a calendar file", "{path} 是文件夹，不是日历文件"),
    "err.cal.no_subscription": (
        "no subscribed calendar {name!r} (see `cockpit ical ls`)",
        "没有订阅名为 {name!r} 的日历（见 `cockpit ical ls`）",
    ),
    "err.cal.kept": (
        "{source}: {problem}; the previous copy was kept",
        "{source}：{problem}；已保留之前的副本",
    ),
    "err.cal.days": ("--days must be 1 or more", "--days 至少为 1"),
    "err.caldav.command": (
        "password_command could not run ({problem})",
        "password_command 无法运行（{problem}）",
    ),
    "err.caldav.command_status": (
        "password_command failed with exit status {status}",
        "password_command 失败，退出状态 {status}",
    ),
    "err.caldav.no_output": (
        "password_command printed no password",
        "password_command 没有输出密码",
    ),
    "err.caldav.no_url": (
        "no CalDAV calendar configured: set url under [caldav] in config.toml",
        "没有配置 CalDAV 日历：请在 config.toml 的 [caldav] 中设置 url",
    ),
    "err.caldav.no_password": (
        "no CalDAV password: set [caldav] password_command or {env}",
        "没有 CalDAV 密码：请设置 [caldav] password_command 或环境变量 {env}",
    ),
    "err.caldav.partial": (
        "{problem}; {n} {n|change was|changes were} sent before that",
        "{problem}；此前已发送 {n} 处修改",
    ),
    # feeds and OPML
    "err.feed.none": (
        "no feed with id {id} (see `cockpit feeds ls`)",
        "没有编号为 {id} 的订阅（见 `cockpit feeds ls`）",
    ),
    "err.feed.id": (
        "{text!r} is not a feed id (ids are numbers, see `cockpit feeds ls`)",
        "{text!r} 不是订阅编号（编号是数字，见 `cockpit feeds ls`）",
    ),
    "err.feed.url": ("{url!r} {problem}", "{url!r}：{problem}"),
    "err.feed.field": ("feeds have no field {field!r}", "订阅没有 {field!r} 字段"),
    "err.feed.opml_or_defaults": (
        "give an OPML file or --defaults (not both)",
        "请给出 OPML 文件或 --defaults（二选一）",
    ),
    "err.opml.empty": ("{name} is empty", "{name} 是空的"),
    "err.opml.xml": (
        "{name} is not well-formed XML (line {line}, column {column})",
        "{name} 不是格式正确的 XML（第 {line} 行第 {column} 列）",
    ),
    "err.opml.entities": (
        "{name} declares XML entities, which OPML files never need",
        "{name} 声明了 XML 实体，OPML 文件不需要它们",
    ),
    "err.opml.root": (
        "{name} is not OPML (its root element is <{root}>)",
        "{name} 不是 OPML（根元素是 <{root}>）",
    ),
    "err.opml.body": (
        "{name} has no <body> element, so it lists no feeds",
        "{name} 没有 <body> 元素，因此没有任何订阅",
    ),
    # more undo steps
    "undo.req": ("{what} {title}", "{what} {title}"),
    "undo.req_add": ("add", "添加需求"),
    "undo.req_move": ("move to {status}", "改为{status}"),
    "undo.edit_req": ("edit", "编辑需求"),
    "undo.launch_new": ("new launch {name}", "新建上线 {name}"),
    "undo.launch_check": ("check {name}", "勾选 {name}"),
    "undo.launch_uncheck": ("uncheck {name}", "取消勾选 {name}"),
    "undo.launch_edit": ("edit {name}", "编辑上线 {name}"),
    "undo.launch_reschedule": ("reschedule {name}", "改期 {name}"),
    "undo.routine": ("{what} {title}", "{what} {title}"),
    "undo.routine_add": ("add {title}", "添加例行安排 {title}"),
    "undo.routine_edit": ("edited", "编辑"),
    "undo.routine_skip": ("skipped {day}", "跳过 {day}"),
    "undo.routine_unskip": ("unskipped {day}", "恢复 {day}"),
    "undo.routine_delete": ("delete {title}", "删除例行安排 {title}"),
    "undo.checked": ("checked {line}", "勾选 {line}"),
    "undo.unchecked": ("unchecked {line}", "取消勾选 {line}"),
    "undo.metrics_delete": ("delete {table} {month}", "删除{table} {month}"),
    "undo.note": ("note {text}", "笔记 {text}"),
    "undo.week_notes": ("notes {week}", "{week} 周笔记"),
    "undo.feed_add": ("add feed", "添加订阅"),
    "undo.feed_defaults": ("import the default feeds", "导入默认订阅"),
    "undo.feed_enable": ("enable feed", "启用订阅"),
    "undo.feed_disable": ("disable feed", "停用订阅"),
    "undo.feed_remove": ("remove feed", "删除订阅"),
    "undo.mark_read": ("mark read", "标为已读"),
    "undo.unmark_read": ("mark unread", "标为未读"),
    "undo.mark_starred": ("star", "收藏"),
    "undo.unmark_starred": ("unstar", "取消收藏"),
    # the config file
    "err.config": ("config {path}: {problem}", "配置文件 {path}：{problem}"),
    "err.config.read": (
        "cannot read config {path}: {problem}",
        "无法读取配置文件 {path}：{problem}",
    ),
    "err.config.keys": (
        '[keys] maps binding ids to strings like "x,space"',
        '[keys] 把按键编号映射为 "x,space" 这样的字符串',
    ),
    "err.config.browser": ("[ui] browser: {problem}", "[ui] browser：{problem}"),
    "err.config.theme": (
        "[ui] theme {name!r} is not a theme{mean} (the palette's app: change theme lists them)",
        "[ui] theme {name!r} 不是主题{mean}（命令面板的“应用：切换主题”列出全部主题）",
    ),
    "err.config.theme_not_saved": (
        "the theme is not saved in {path}: its [ui] is written in a form cockpit does not"
        ' edit; put theme = "{name}" under [ui] by hand',
        "主题没有保存到 {path}：其中 [ui] 的写法 cockpit 不会修改；"
        '请在 [ui] 下手动写入 theme = "{name}"',
    ),
    "err.config.zone": ("unknown timezone {name!r}", "未知时区 {name!r}"),
    "err.demo.not_empty": (
        "{path} is not empty; the demo only fills an empty workspace",
        "{path} 不是空的：演示数据只填入空工作区",
    ),
    # CSV imports of items and customers
    "err.csv.kind": (
        "cannot import {kind!r}; use --kind items or --kind customers",
        "无法导入 {kind!r}：请用 --kind items 或 --kind customers",
    ),
    "err.csv.line": ("{path} line {line}: {problem}", "{path} 第 {line} 行：{problem}"),
    "err.csv.file": ("{path}: {problem}", "{path}：{problem}"),
    "err.csv.twice": (
        "in the header of {path}, the column {column!r} appears twice ({headers})",
        "{path} 的表头两次出现 {column!r} 列（{headers}）",
    ),
    "err.csv.flag": (
        "{column} must be yes or no (also true/false, 1/0, y/n, 是/否), not {value!r}",
        "{column} 应是 是 或 否（也可写 yes/no、1/0），不能是 {value!r}",
    ),
    "err.csv.title": ("the title is empty", "标题为空"),
    "err.csv.customer_twice": (
        "the customer {name!r} is already on line {line}",
        "客户 {name!r} 已在第 {line} 行出现",
    ),
    "err.csv.created": (
        "created must be an ISO time like 2026-11-18T10:00, not {value!r}",
        "创建时间应像 2026-11-18T10:00，不能是 {value!r}",
    ),
    "err.metrics.unknown_columns": (
        "{path}: {columns} {n|is not a column|are not columns} of {table} (its columns: "
        "{names}); nothing imported",
        "{path}：{columns}（{n} 列）不是{table}的列（可用的列：{names}）；未导入任何内容",
    ),
    "err.decode.utf16": (
        "{path} starts like UTF-16 text but is not",
        "{path} 开头像 UTF-16 文本，但并不是",
    ),
    "err.decode.neither": (
        "{path} is neither UTF-8 nor GBK text; save it as CSV UTF-8 and retry",
        "{path} 既不是 UTF-8 也不是 GBK 文本：请另存为“CSV UTF-8”后重试",
    ),
    "err.restore.file": (
        "{text!r} is not a workspace file; use one of {choices}",
        "{text!r} 不是工作区文件；可用：{choices}",
    ),
    "err.restore.confirm": (
        "restoring backup {name} would replace {n} {n|file|files} of the workspace; run it in a "
        "terminal to confirm, pass --yes, or restore one file with --file",
        "恢复备份 {name} 将替换工作区的 {n} 个文件：请在终端中运行以确认，或加 --yes，"
        "或用 --file 只恢复一个文件",
    ),
    "err.restore.cancelled": (
        "restore cancelled; nothing was replaced",
        "已取消恢复，没有替换任何文件",
    ),
    "err.conflict": ("changed in another window - reloaded", "已在其他窗口修改，已重新载入"),
    "err.conflict.what": (
        "{what}: changed in another window - reloaded",
        "{what}：已在其他窗口修改，已重新载入",
    ),
    "err.setting.mean": (" (did you mean {name!r}?)", "（是否指 {name!r}？）"),
    "err.setting.unknown": (
        "{where} has no setting {key!r}{mean}; it knows {known}",
        "{where} 没有 {key!r} 这项设置{mean}；可用的设置：{known}",
    ),
    "err.setting.no_table": ("there is no table [{name}]{mean}", "没有 [{name}] 这个表{mean}"),
    "err.setting.no_key": ("there is no setting {name!r}{mean}", "没有 {name!r} 这项设置{mean}"),
    "err.setting.language": (
        "language must be one of {choices}, not {value!r}",
        "language 只能是 {choices} 之一，不能是 {value!r}",
    ),
    "err.setting.table": (
        "[{name}] must be a table (a [{name}] header and settings)",
        "[{name}] 必须是表（一行 [{name}] 加上其下的设置）",
    ),
    "err.setting.list": (
        '{name} must be a list of texts like ["a", "b"], not {value}',
        '{name} 应是 ["a", "b"] 这样的文字列表，不能是 {value}',
    ),
    "err.setting.whole": (
        "{name} must be a whole number, not {value}",
        "{name} 必须是整数，不能是 {value}",
    ),
    "err.setting.bool": (
        "{name} must be true or false, not {value}",
        "{name} 只能是 true 或 false，不能是 {value}",
    ),
    "err.setting.clock": (
        '{name} must be a time of day like "09:00", not {value}',
        '{name} 应是 "09:00" 这样的时刻，不能是 {value}',
    ),
    "err.setting.number": (
        "{name} must be a number, not {value}",
        "{name} 必须是数字，不能是 {value}",
    ),
    "err.setting.text": (
        '{name} must be text in quotes, like "…", not {value}',
        '{name} 应是带引号的文字，如 "…"，不能是 {value}',
    ),
    "err.setting.choices": (
        "{name} must be one of {choices}, not {value}",
        "{name} 只能是 {choices} 之一，不能是 {value}",
    ),
    "err.setting.range": (
        "{name} must be from {low} to {high}, not {value}",
        "{name} 应在 {low} 到 {high} 之间，不能是 {value}",
    ),
    "err.setting.zone_text": (
        "timezone must be an IANA name in quotes, not {value!r}",
        "timezone 应是带引号的 IANA 时区名，不能是 {value!r}",
    ),
    # named views ([views.NAME])
    "err.view.shape": (
        "[views] must hold tables, one per view ([views.customer-week] and its settings)",
        "[views] 应由表组成，每个视图一个（[views.customer-week] 加上其下的设置）",
    ),
    "err.view.no_name": ("a view needs a name ([views.NAME])", "视图需要名称（[views.NAME]）"),
    "err.view.sort": (
        "{name}: {key!r} is not a sort key{mean}; sort by {keys}",
        "{name}：{key!r} 不是排序键{mean}；可按 {keys} 排序",
    ),
    "err.view.unknown": (
        "there is no view {name!r}{mean}; the config defines {known}",
        "没有 {name!r} 这个视图{mean}；配置中定义的视图：{known}",
    ),
    "err.view.none": (
        "there is no view {name!r}: the config defines none ([views.NAME] in config.toml)",
        "没有 {name!r} 这个视图：配置中没有定义视图（在 config.toml 中写 [views.NAME]）",
    ),
    "err.view.filter": ("view {name}: {problem}", "视图 {name}：{problem}"),
    "err.view.bad": ("the view: {problem}", "视图：{problem}"),
    # tables of one's own ([[metrics.tables]])
    "err.tables.shape": (
        "{where} must be tables ([[metrics.tables]] headers), one per table",
        "{where} 应是表（每个表一行 [[metrics.tables]]）",
    ),
    "err.tables.no_name": ('{what} needs a name (name = "...")', '{what} 需要名称（name = "..."）'),
    "err.tables.bad_name": (
        "{what} name {name!r} must be lower-case letters, digits and _ (like extensions)",
        "{what} 的名称 {name!r} 只能用小写字母、数字和 _（如 extensions）",
    ),
    "err.tables.reserved": (
        "{what} name {name!r} is taken by the cockpit; choose another",
        "{what} 的名称 {name!r} 已被 cockpit 占用，请换一个",
    ),
    "err.tables.builtin": (
        "{what}: {name!r} is a built-in table; choose another name",
        "{what}：{name!r} 是内置数据表，请换一个名称",
    ),
    "err.tables.twice": ("{what} is defined twice", "{what} 定义了两次"),
    "err.tables.columns": (
        '{what} columns must be a list like [{{ name = "calls", type = "int" }}]',
        '{what} 的 columns 应是列表，如 [{{ name = "calls", type = "int" }}]',
    ),
    "err.tables.column_twice": (
        "{what} names the column {name!r} twice",
        "{what} 的列 {name!r} 出现了两次",
    ),
    "err.tables.no_numbers": (
        "{what} needs at least one int or money column (its trends)",
        "{what} 至少需要一个 int 或 money 列（用于趋势）",
    ),
    "err.tables.key": (
        "{what} key {name!r} must name one of its text columns ({choices}){mean}",
        "{what} 的 key {name!r} 必须是它的文字列之一（{choices}）{mean}",
    ),
    "err.tables.headline": (
        "{what} headline {name!r} must name one of its number columns ({choices}){mean}",
        "{what} 的 headline {name!r} 必须是它的数字列之一（{choices}）{mean}",
    ),
    "err.shares.month_alone": (
        "--month goes with --shares (the trends always show every month)",
        "--month 需与 --shares 一起用（趋势总是显示所有月份）",
    ),
    "err.shares.no_key": (
        "{table} has one row a month, so nothing to share out; shares need a table with a "
        "key (ops, projects, or one of your own with key = ...)",
        "{table}每月只有一行，无法计算占比；占比需要带维度（key）的表"
        "（运营活动、架构师项目，或自定义表中设置 key = ...）",
    ),
    "err.decode.utf8": ("UTF-8", "UTF-8"),
    "err.decode.other": ("not UTF-8 (GBK?)", "不是 UTF-8（可能是 GBK）"),
    "err.decode.mixed": (
        "{path} mixes text encodings: line {line} is {kind} while line {first} is "
        "{first_kind}; save the whole file as CSV UTF-8 and retry",
        "{path} 混用了多种编码：第 {line} 行是 {kind}，而第 {first} 行是 {first_kind}；"
        "请把整个文件另存为“CSV UTF-8”后重试",
    ),
    "undo.undo": ("undo {what}", "撤销 {what}"),
    "err.restore.name_or_from": (
        "name a backup or give --from DIR, not both",
        "请指定备份名称或 --from 文件夹，二者只能选一",
    ),
    "undo.comment": ("comment {text}", "点评 {text}"),
}
