"""Labels of `cockpit doctor` and the TUI's "about" (the same facts, the same words)."""

LABELS: dict[str, tuple[str, str]] = {
    "doctor.title": ("cockpit {version}", "cockpit {version}"),
    "doctor.version": ("version", "版本"),
    "doctor.version.value": ("{version} (Python {python})", "{version}（Python {python}）"),
    "doctor.config": ("config", "配置文件"),
    "doctor.data": ("data", "数据目录"),
    "doctor.found_by": ("found by", "来源"),
    "doctor.language": ("language", "语言"),
    "doctor.timezone": ("time zone", "时区"),
    "doctor.clock": ("clock", "时钟"),
    "doctor.schema": ("schema", "数据版本"),
    "doctor.backups": ("backups", "备份"),
    "doctor.lock": ("lock", "锁"),
    "doctor.feeds": ("feeds", "订阅"),
    "doctor.caldav": ("CalDAV", "CalDAV"),
    "doctor.colors": ("colours", "颜色"),
    "doctor.tmux": ("tmux", "tmux"),
    "doctor.ssh": ("SSH", "SSH"),
    "doctor.browser": ("browser (o)", "浏览器（o）"),
    "doctor.reminders": ("reminders", "提醒"),
    "doctor.problems": ("problems:", "问题："),
    "doctor.not_used": ("not read", "未读取"),
    # where a path came from
    "doctor.src.flag": ("the {detail} flag", "命令行参数 {detail}"),
    "doctor.src.env": ("the {detail} variable", "环境变量 {detail}"),
    "doctor.src.xdg": ("{detail}", "{detail}"),
    "doctor.src.default": ("the platform's default", "系统默认位置"),
    "doctor.src.demo": ("--demo: a fresh temporary copy", "--demo：临时演示副本"),
    # config
    "doctor.config.exists": ("{path}", "{path}"),
    "doctor.config.missing": (
        "{path} (does not exist: defaults in use)",
        "{path}（不存在：使用默认设置）",
    ),
    "doctor.config.unused": (
        "{path} is there too but not read, because of {detail}",
        "{path} 存在但未被读取（{detail} 指向别处）",
    ),
    # data
    "doctor.data.workspace": ("{path}", "{path}"),
    "doctor.data.missing": (
        "{path} (does not exist yet: created on first start)",
        "{path}（尚不存在：首次启动时创建）",
    ),
    "doctor.data.empty": (
        "{path} (no workspace yet: created on first start)",
        "{path}（尚无工作区：首次启动时创建）",
    ),
    "doctor.data.unused": (
        "{path} is a workspace too but not read, because of {detail}",
        "{path} 有工作区但未被读取（{detail} 指向别处）",
    ),
    # settings
    "doctor.lang.en": ("English (en)", "English（en）"),
    "doctor.lang.zh": ("Chinese (zh)", "中文（zh）"),
    "doctor.from.config": ("{value}, from the config file", "{value}，来自配置文件"),
    "doctor.from.default": ("{value}, the default", "{value}，默认"),
    "doctor.from.system": ("{value}, the system's", "{value}，系统时区"),
    "doctor.clock.frozen": (
        "frozen at {when} by COCKPIT_NOW",
        "被 COCKPIT_NOW 固定在 {when}",
    ),
    # workspace
    "doctor.none_yet": ("none yet", "尚无"),
    "doctor.no_workspace": ("no workspace yet", "尚无工作区"),
    "doctor.schema.current": ("{found} (current)", "{found}（当前版本）"),
    "doctor.schema.older": (
        "{found}, older than this cockpit's {current}: migrated on the next start, after a backup",
        "{found}，旧于本程序的 {current}：下次启动时先备份再迁移",
    ),
    "doctor.schema.newer": (
        "{found}, newer than this cockpit's {current}",
        "{found}，新于本程序的 {current}",
    ),
    "doctor.schema.unreadable": ("unreadable (workspace.json)", "无法读取（workspace.json）"),
    "doctor.backups.value": (
        "last {last}; {daily} daily (keeps {keep}), {other} {other|other|others}",
        "最近 {last}；每日备份 {daily} 份（保留 {keep} 份），其他 {other} 份",
    ),
    "doctor.backups.when": ("{name} ({ago})", "{name}（{ago}）"),
    "doctor.lock.free": ("free", "空闲"),
    "doctor.lock.held": ("held by pid {pid} ({command})", "被进程 {pid} 持有（{command}）"),
    "doctor.lock.held_unknown": ("held by another process", "被其他进程持有"),
    "doctor.feeds.none": (
        "none (cockpit feeds import --defaults)",
        "无（cockpit feeds import --defaults）",
    ),
    "doctor.feeds.value": (
        "{subscribed} subscribed ({disabled} disabled), {failing} failing",
        "已订阅 {subscribed} 个（停用 {disabled} 个），{failing} 个失败",
    ),
    "doctor.feeds.failure": ("{title}: {error}", "{title}：{error}"),
    "doctor.caldav.none": ("not configured ([caldav] url)", "未配置（[caldav] url）"),
    "doctor.caldav.value": (
        "{url}, user {username}, password from {password}",
        "{url}，用户 {username}，密码来自 {password}",
    ),
    "doctor.caldav.pw.password_command": ("password_command", "password_command"),
    "doctor.caldav.pw.env": ("COCKPIT_CALDAV_PASSWORD", "COCKPIT_CALDAV_PASSWORD"),
    "doctor.caldav.pw.url": ("the URL (move it out)", "URL（请移出）"),
    "doctor.caldav.pw.none": (
        "nowhere yet (set password_command)",
        "尚未设置（请设置 password_command）",
    ),
    "doctor.colors.value": ("{colors} ({reason})", "{colors}（{reason}）"),
    "doctor.colors.truecolor": ("truecolor", "真彩色"),
    "doctor.colors.256": ("256 colours", "256 色"),
    "doctor.colors.16": ("16 colours", "16 色"),
    "doctor.colors.none": ("no colours", "无颜色"),
    "doctor.tmux.no": ("not inside tmux", "不在 tmux 中"),
    "doctor.tmux.on": ("inside tmux, set-clipboard on", "在 tmux 中，set-clipboard on"),
    "doctor.tmux.off": (
        "inside tmux, set-clipboard {value}: copying the report cannot reach your "
        "clipboard (tmux set -g set-clipboard on)",
        "在 tmux 中，set-clipboard {value}：复制周报无法到达系统剪贴板"
        "（tmux set -g set-clipboard on）",
    ),
    "doctor.tmux.unknown": (
        "inside tmux (set-clipboard unknown)",
        "在 tmux 中（set-clipboard 未知）",
    ),
    "doctor.ssh.yes": (
        "yes: links open and copies land on the remote machine",
        "是：链接在远程机器上打开，复制也在远程",
    ),
    "doctor.browser.config": ("{name}, from [ui] browser", "{name}，来自 [ui] browser"),
    "doctor.browser.system": ("{name}, the system's", "{name}，系统浏览器"),
    "doctor.browser.missing": ("{via} is not found", "找不到 {via}"),
    "doctor.browser.none": (
        "none ({reason}): o copies the link instead; [ui] browser picks one",
        "无（{reason}）：o 改为复制链接；可在 [ui] browser 中指定",
    ),
    "doctor.reminders.toast": ("a toast", "应用内通知"),
    "doctor.reminders.notice": (
        "the terminal's notification ({kind}: {reason})",
        "终端通知（{kind}：{reason}）",
    ),
    "doctor.reminders.bell": ("the bell ({reason})", "响铃（{reason}）"),
    "doctor.reminders.join": (", ", "、"),
    "doctor.reminders.none": (
        "nothing can show them ({reason}; toast and bell off): they wait for a cockpit "
        "or `cockpit remind` that can",
        "无法显示（{reason}；应用内通知与响铃均已关闭）：留给能显示的 cockpit 或 `cockpit remind`",
    ),
    # problems (each one sentence)
    "doctor.problem.config": ("{error}", "{error}"),
    "doctor.problem.damaged": (
        "{path}/{problem}; see `cockpit restore --list`",
        "{path}/{problem}；参见 `cockpit restore --list`",
    ),
    "doctor.problem.newer": (
        "the workspace was written by a newer cockpit (schema {found}); upgrade cockpit",
        "工作区由更新版本的 cockpit 写入（数据版本 {found}）；请升级 cockpit",
    ),
    "doctor.problem.readonly": (
        "{path} is not writable: cockpit cannot save there",
        "{path} 不可写：cockpit 无法在此保存",
    ),
    "doctor.problem.url_password": (
        "the [caldav] url holds a password: move it to password_command",
        "[caldav] url 中含有密码：请改用 password_command",
    ),
    "doctor.ok": ("no problems found", "未发现问题"),
    "cmd.about": ("app: about cockpit", "应用：关于 cockpit"),
    "cmd.about.help": (
        "Version, the files in use and why, terminal facts (as `cockpit doctor`)",
        "版本、所用文件及其来源、终端信息（同 `cockpit doctor`）",
    ),
    "about.title": ("About cockpit", "关于 cockpit"),
    "about.loading": ("Looking…", "正在检查…"),
    "about.close": (
        "esc to close · the same as `cockpit doctor`",
        "按 esc 关闭 · 同 `cockpit doctor`",
    ),
}
