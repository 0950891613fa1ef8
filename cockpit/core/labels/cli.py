"""Labels of the command line: what `cockpit …` prints, in the configured language."""

# key: (English, Chinese)
LABELS: dict[str, tuple[str, str]] = {
    "cli.metrics.imported": (
        "Imported {n} {n|row|rows} ({added} new, {updated} updated)",
        "已导入 {n} 行（新增 {added}，更新 {updated}）",
    ),
    "cli.metrics.imported_table": (
        "Imported {n} {n|row|rows} into {table} ({added} new, {updated} updated)",
        "已导入{table} {n} 行（新增 {added}，更新 {updated}）",
    ),
    "cli.tw.imported": (
        "Imported {n} {n|item|items} ({done} done)",
        "已导入 {n} 项（其中已完成 {done} 项）",
    ),
    "cli.tw.skipped": (", skipped {what}", "，跳过{what}"),
    "cli.tw.skipped.deleted": ("{n} deleted", "已删除的 {n} 项"),
    "cli.tw.skipped.later_occurrence": (
        "{n} later {n|occurrence|occurrences} of a recurring task",
        "重复任务的后续实例 {n} 个",
    ),
    "cli.tw.skipped.already_imported": ("{n} already imported", "已导入过的 {n} 项"),
    "cli.tw.waiting": ("waiting in taskwarrior until {date}", "在 taskwarrior 中等待至 {date}"),
    "sep.clauses": ("; ", "；"),
    "cli.csv.items": (
        "Imported {n} {n|item|items} ({done} done)",
        "已导入 {n} 项（其中已完成 {done} 项）",
    ),
    "cli.csv.customers": ("Imported {n} {n|customer|customers}", "已导入 {n} 个客户"),
    "cli.csv.unknown_column": (
        "column {column!r} not recognised, kept in notes",
        "列 {column!r} 未识别，已存入备注",
    ),
    "cli.csv.column_n": ("column {n}", "第 {n} 列"),
    "cli.csv.unnamed": ("columns without a header kept in notes", "无表头的列已存入备注"),
    "cli.colon": (": ", "："),
    "cli.shares.empty": ("{title}: no rows yet", "{title}：暂无数据"),
    "cli.shares.head": ("{title} {month} · {column} by {dim}", "{title} {month} · 各{dim}{column}"),
    "cli.shares.total": (" (total {total})", "（合计 {total}）"),
    "cli.shares.movers": ("movers: {movers}", "变化最大：{movers}"),
    "cli.shares.no_movers": ("none", "无"),
    # items
    "cli.added": (
        "Added #{id} to {week} {list}: {title}",
        "已添加 #{id} 到 {week} {list}：{title}",
    ),
    "cli.done": ("Done #{id}: {title}", "已完成 #{id}：{title}"),
    "cli.dropped": ("Dropped #{id}: {title}", "已放弃 #{id}：{title}"),
    "cli.deferred": ("Deferred #{id} to {week}: {title}", "已推迟 #{id} 到 {week}：{title}"),
    "cli.deferred.moved": (" (due date moved to {date})", "（截止日期改为 {date}）"),
    "cli.deferred.stays": (
        " (the due date stays {date}; --shift-due moves it too)",
        "（截止日期仍为 {date}；加 --shift-due 可一起推迟）",
    ),
    "cli.ls.empty": (
        "No open items this week. Add one: cockpit add TITLE",
        "本周没有未完成事项。添加一项：cockpit add 标题",
    ),
    "cli.ls.carry": ("carry-over", "上周未完成"),
    "cli.ls.due": ("due {date}", "{date}到期"),
    # customers
    "cli.cust.added": (
        "Added customer #{id}: {name} ({kind})",
        "已添加客户 #{id}：{name}（{kind}）",
    ),
    "cli.cust.saved": (
        "Saved customer #{id}: {name} ({kind})",
        "已保存客户 #{id}：{name}（{kind}）",
    ),
    "cli.cust.empty": (
        "No customers yet. Add one: cockpit customers add NAME --tier top",
        "还没有客户。添加一个：cockpit customers add 名称 --tier 重点",
    ),
    "cli.cust.due": ("DUE", "待跟进"),
    "cli.cust.dates": ("next {next} last {last}", "下次 {next} 上次 {last}"),
    "cli.cust.next": ("; next follow-up {date}", "；下次跟进 {date}"),
    "cli.cust.touched": (
        "Logged {channel} with {name} on {date}",
        "已记录 {date} 与 {name} 的{channel}联系",
    ),
    # requirements and launches
    "cli.req.added": (
        "Added requirement #{id} ({status}, {priority}): {title}",
        "已添加需求 #{id}（{status}，{priority}）：{title}",
    ),
    "cli.req.empty": (
        "No requirements here. Collect one: cockpit req add TITLE --customer NAME",
        "这里没有需求。收集一个：cockpit req add 标题 --customer 客户",
    ),
    "cli.req.moved": (
        "Moved #{id} from {old} to {new}: {title}",
        "已将 #{id} 从{old}改为{new}：{title}",
    ),
    "cli.req.kano": ("kano {kano}", "Kano {kano}"),
    "cli.req.source": ("source {source}", "来源 {source}"),
    "cli.req.customer": ("customer {value}", "客户 {value}"),
    "cli.req.ref": ("ref {value}", "编号 {value}"),
    "cli.req.owner": ("owner {value}", "负责人 {value}"),
    "cli.req.release": ("release {value}", "版本 {value}"),
    "cli.req.reason": (" ({reason})", "（{reason}）"),
    "cli.req.log": ("{field}: {old} -> {new}", "{field}：{old} -> {new}"),
    "cli.req.log_created": ("created", "创建"),
    "cli.req.field.status": ("status", "状态"),
    "cli.req.field.title": ("title", "标题"),
    "cli.req.field.notes": ("notes", "备注"),
    "cli.req.field.kano": ("kano", "Kano"),
    "cli.req.field.priority": ("priority", "优先级"),
    "cli.req.field.release": ("release", "版本"),
    "cli.req.field.source": ("source", "来源"),
    "cli.req.field.customer": ("customer", "客户"),
    "cli.req.field.ref": ("ref", "编号"),
    "cli.req.field.owner": ("owner", "负责人"),
    "cli.launch.new": (
        "New launch #{id} {name}: go-live {golive}, {n} {n|item|items}, first due {first}",
        "已新建上线 #{id} {name}：上线日期 {golive}，共 {n} 项，最早 {first} 到期",
    ),
    "cli.launch.empty": (
        "No launches yet. Start one: cockpit launch new NAME --date YYYY-MM-DD",
        "还没有上线计划。新建一个：cockpit launch new 名称 --date 2026-12-15",
    ),
    "cli.launch.golive": ("go-live {date}", "上线 {date}"),
    "cli.launch.done": ("{done}/{total} done", "已完成 {done}/{total}"),
    "cli.launch.overdue": ("{n} overdue", "逾期 {n} 项"),
    "cli.launch.item_overdue": ("OVERDUE", "逾期"),
    "cli.launch.checked": ("{name} item {no} done: {title}", "{name} 第 {no} 项已完成：{title}"),
    "cli.launch.reopened": (
        "{name} item {no} open again: {title}",
        "{name} 第 {no} 项重新打开：{title}",
    ),
    # metrics
    "cli.metrics.empty": (
        "{title}: no rows yet (cockpit metrics set --table {table} --month YYYY-MM ...)",
        "{title}：暂无数据（cockpit metrics set --table {table} --month 2026-11 …）",
    ),
    "cli.metrics.more": (
        "(last 12 months of {n} {n|row|rows}; --all shows every one)",
        "（共 {n} 行，显示最近 12 个月；--all 显示全部）",
    ),
    # data, report, routines
    "cli.backup": ("Backed up to {path}", "已备份到 {path}"),
    "cli.no_backups": ("No backups in {path}", "{path} 中没有备份"),
    "cli.restored": (
        "Restored {what} from backup {name} into {path} (what it replaced is in backups/{saved})",
        "已从备份 {name} 恢复{what}到 {path}（被替换的内容在 backups/{saved}）",
    ),
    "cli.restore.workspace": ("the workspace", "整个工作区"),
    "cli.restore.plan": (
        "Restoring backup {name} would replace {n} of the {total} {total|file|files} in {path}:",
        "恢复备份 {name} 将替换 {path} 中 {total} 个文件里的 {n} 个：",
    ),
    "cli.restore.now": ("{n} {n|record|records} now", "现有 {n} 条记录"),
    "cli.restore.missing": ("unreadable or missing now", "现在无法读取或不存在"),
    "cli.restore.file": ("{file} {now}, {then} in the backup", "{file} {now}，备份中 {then} 条"),
    "cli.restore.ask": (
        "Replace them? The current files are kept in backups/pre-restore-… [y/N] ",
        "替换这些文件吗？当前文件会保存在 backups/pre-restore-… [y/N] ",
    ),
    "cli.report.wrote": ("Wrote the {week} report to {path}", "已将 {week} 周报写入 {path}"),
    "cli.routines.added": (
        "Added {n} default {n|routine|routines}",
        "已添加 {n} 个默认例行安排",
    ),
    "cli.routines.all_there": ("Every default routine is there", "默认例行安排都在"),
    "cli.routines.checks": ("({n} {n|check|checks})", "（{n} 条检查项）"),
    "cli.routines.skipped": ("Skipped {title} on {day}", "已跳过 {day} 的{title}"),
    "cli.routines.restored": ("Restored {title} on {day}", "已恢复 {day} 的{title}"),
    # feeds
    "cli.feeds.never": ("never", "从未"),
    "cli.feeds.in": (" in {category}", "（{category}）"),
    "cli.feeds.subscribed": (
        "Subscribed #{id}{where}: {url} (fetched on the next refresh)",
        "已订阅 #{id}{where}：{url}（下次刷新时抓取）",
    ),
    "cli.feeds.defaults": (
        "Added {n} of the bundled feeds (guessed addresses come disabled)",
        "已添加 {n} 个内置订阅（猜测的地址默认停用）",
    ),
    "cli.feeds.imported": (
        "Imported {n} {n|feed|feeds} from {path}, skipped {skipped}",
        "已从 {path} 导入 {n} 个订阅，跳过 {skipped} 个",
    ),
    "cli.feeds.skipped": ("skipped {reason}", "跳过 {reason}"),
    "cli.feeds.none": (
        "No subscriptions. Add some: cockpit feeds import --defaults",
        "没有订阅。添加一些：cockpit feeds import --defaults",
    ),
    "cli.feeds.h.status": ("status", "状态"),
    "cli.feeds.h.category": ("category", "分类"),
    "cli.feeds.h.title": ("title", "标题"),
    "cli.feeds.h.entries": ("entries", "条目"),
    "cli.feeds.h.unread": ("unread", "未读"),
    "cli.feeds.h.last": ("last fetch", "上次抓取"),
    "cli.feeds.status.new": ("new", "新"),
    "cli.feeds.status.ok": ("ok", "正常"),
    "cli.feeds.status.error": ("ERROR", "出错"),
    "cli.feeds.status.off": ("off", "停用"),
    "cli.feeds.enabled": ("Enabled #{id}: {title}", "已启用 #{id}：{title}"),
    "cli.feeds.disabled": ("Disabled #{id}: {title}", "已停用 #{id}：{title}"),
    "cli.feeds.removed": ("Unsubscribed #{id}: {title}", "已取消订阅 #{id}：{title}"),
    "cli.feeds.first": (
        "No subscriptions yet: added the {n} bundled feeds.",
        "还没有订阅：已添加 {n} 个内置订阅。",
    ),
    "cli.feeds.progress": (
        "refreshing {done}/{total}{failed}  {current}",
        "刷新中 {done}/{total}{failed}  {current}",
    ),
    "cli.feeds.progress_failed": (", {n} failed", "，{n} 个失败"),
    "cli.feeds.backing_off": (
        ", {n} backing off (--force tries them)",
        "，{n} 个暂缓（--force 强制抓取）",
    ),
    "cli.feeds.refreshed": (
        "Refreshed {n} {n|feed|feeds} in {seconds} s: {ok} updated, {same} unchanged, "
        "{failed} failed{rest}; {new} new {new|entry|entries}",
        "已刷新 {n} 个订阅，用时 {seconds} 秒：{ok} 个有更新，{same} 个无变化，{failed} 个失败"
        "{rest}；新条目 {new} 条",
    ),
    "cli.feeds.no_entries": (
        "No entries. Fetch some: cockpit feeds refresh",
        "没有条目。抓取一些：cockpit feeds refresh",
    ),
    # calendars
    "cli.ical.none": (
        "No subscribed calendars. Add one: cockpit ical import FILE|URL",
        "没有订阅的日历。添加一个：cockpit ical import 文件|URL",
    ),
    "cli.ical.error": ("error: {problem}", "出错：{problem}"),
    "cli.ical.events": ("{n} {n|event|events}", "{n} 个日程"),
    "cli.ical.removed": ("Removed calendar {name!r} ({source})", "已删除日历 {name!r}（{source}）"),
    "cli.warning": ("cockpit: warning: {message}.", "cockpit：警告：{message}。"),
    # usage errors (cockpit.cli.usage.refusals rewords argparse's sentences)
    "usage.usage": ("usage: ", "用法："),
    # argparse's own words in help (cockpit.cli.usage.helptext)
    "usage.positionals": ("positional arguments", "位置参数"),
    "usage.options": ("options", "选项"),
    "usage.help": ("show this help message and exit", "显示此帮助并退出"),
    "usage.version": ("show program's version number and exit", "显示版本号并退出"),
    "usage.error": ("{prog}: error: {message}", "{prog}：错误：{message}。"),
    "usage.argument": ("argument {name}: ", "参数 {name}："),
    "usage.required": (
        "the following arguments are required: {names}",
        "缺少必需的参数：{names}",
    ),
    "usage.unrecognized": ("unrecognized arguments: {args}", "无法识别的参数：{args}"),
    "usage.one_of": ("one of the arguments {names} is required", "参数 {names} 须给出其一"),
    "usage.ambiguous": (
        "ambiguous option: {option} could match {matches}",
        "选项 {option} 不明确，可能是 {matches}",
    ),
    "usage.choice": (
        "invalid choice: {value} (choose from {choices})",
        "无效的选择 {value}（可选：{choices}）",
    ),
    "usage.one_value": ("expected one argument", "需要一个值"),
    "usage.at_most_one": ("expected at most one argument", "最多只能给一个值"),
    "usage.at_least_one": ("expected at least one argument", "至少需要一个值"),
    "usage.n_values": ("expected {n} {n|argument|arguments}", "需要 {n} 个值"),
    "usage.not_with": ("not allowed with argument {other}", "不能与参数 {other} 同时使用"),
    "usage.ignored": ("ignored explicit argument {value}", "此选项不接受值 {value}"),
    "usage.invalid": ("invalid {type} value: {value}", "{value} 不是有效的{type}"),
    "usage.type.int": ("int", "整数"),
    "usage.type.float": ("float", "数字"),
    "usage.type.Path": ("Path", "路径"),
    "usage.not_utf8": (
        "argument {n} is not UTF-8 text (it holds the byte {byte}); pass text as UTF-8",
        "第 {n} 个参数不是 UTF-8 文本（含字节 {byte}）；请以 UTF-8 传入文本",
    ),
}
