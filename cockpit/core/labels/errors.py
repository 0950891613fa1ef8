"""Labels of the domain's refusals (`cockpit.core.errors`), the words of its values,
item history and undo steps: everything the domain says, keyed so it renders in the
language of whoever reads it (tests/unit/test_catalog.py checks each has Chinese).
What cockpit says about outside input (imports, feeds, calendars, config) is in
`inputs`."""

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
}
