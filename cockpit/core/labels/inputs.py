"""Labels of what cockpit says about outside input: taskwarrior and CSV imports,
calendars and CalDAV, feeds and OPML, the config file, named views and tables of one's
own (tests/unit/test_catalog.py checks each has Chinese). The domain's own refusals are
in `errors`."""

# key: (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
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
