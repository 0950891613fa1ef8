"""Labels of the feeds area: the Friday reading screen and refresh progress."""

LABELS: dict[str, tuple[str, str]] = {
    "reading.title": ("Friday reading", "周五阅读"),
    "reading.feeds": ("Feeds", "订阅源"),
    "reading.entries": ("Entries", "文章"),
    "reading.preview": ("Preview", "预览"),
    "reading.all": ("All", "全部"),
    "reading.no_feeds": (
        "No feeds yet: press I for the default PostgreSQL feeds, or a to add one by its URL.",
        "还没有订阅：按 I 添加默认的 PostgreSQL 订阅，或按 a 输入订阅地址。",
    ),
    "reading.feed_keys": (
        "a add a feed · d remove · x on/off · I default feeds · r refresh · u undo · esc back",
        "a 添加订阅 · d 删除 · x 启用/停用 · I 默认订阅 · r 刷新 · u 撤销 · esc 返回",
    ),
    "reading.disabled": ("off", "已停用"),
    # the competitor watch ([feeds] watch)
    "watch.count": ("◆ watch {n}", "◆ 关注 {n}"),
    "watch.new": (
        "◆ {n} new {n|entry|entries} on your watch list ({words}): {title}",
        "◆ 关注词新动态 {n} 条（{words}）：{title}",
    ),
    "watch.reading": ("◆ {n} on the watch list", "◆ 关注 {n} 条"),
    "key.next_unread": ("Next unread", "下一篇未读"),
    "key.page": ("Page down the preview", "预览翻页"),
    "key.page.short": ("Page", "翻页"),
    "key.page_back": ("Page up the preview", "预览上翻"),
    "reading.no_unread": ("No unread entries left in any feed", "所有订阅都没有未读文章了"),
    "panel.feeds.no_feeds": (
        "No feeds yet: press f, then I for the default feeds",
        "还没有订阅：按 f 再按 I 添加默认订阅",
    ),
    "key.add_feed": ("Add a feed", "添加订阅"),
    "key.remove_feed": ("Remove the feed", "删除订阅"),
    "key.toggle_feed": ("Feed on/off", "启用/停用订阅"),
    "key.import_defaults": ("Default feeds", "默认订阅"),
    "feeds.form.add": ("Add a feed", "添加订阅"),
    "feeds.form.url": ("URL (https://…/feed.xml)", "地址（https://…/feed.xml）"),
    "feeds.form.category": ("Category (community, competitor…)", "分类（社区、竞品…）"),
    # the bundled categories (feeds/categories.py); a user's own stay as written
    "feeds.category.community": ("community", "社区"),
    "feeds.category.planet": ("planet", "博客"),
    "feeds.category.newsletter": ("newsletter", "周刊"),
    "feeds.category.competitor": ("competitor", "竞品"),
    "feeds.category.ecosystem": ("ecosystem", "生态"),
    "feeds.form.title": ("Title (empty: the feed's own)", "名称（留空：用订阅源自己的）"),
    "feeds.bad_url": (
        "{url} is not a feed address: it must start with http:// or https:// and name a host.",
        "{url} 不是订阅地址：须以 http:// 或 https:// 开头并包含主机名。",
    ),
    "feeds.url_required": ("A feed URL is required.", "请输入订阅地址。"),
    "feeds.already": ("Already subscribed: {title}.", "已订阅：{title}。"),
    "feeds.added": ("Subscribed: {title} (u to undo)", "已订阅：{title}（u 撤销）"),
    "feeds.removed": ("Removed feed {title} (u to undo)", "已删除订阅 {title}（u 撤销）"),
    "feeds.enabled": ("Feed on again: {title}", "已启用：{title}"),
    "feeds.disabled": (
        "Feed off: {title} (its entries stay; x switches it on)",
        "已停用：{title}（文章保留；按 x 重新启用）",
    ),
    "feeds.imported": (
        "Added {n} default {n|feed|feeds} ({off} off: their addresses are guesses); "
        "R fetches them, u undoes",
        "已添加 {n} 个默认订阅（{off} 个地址待确认，已停用）；按 R 抓取，按 u 撤销",
    ),
    "feeds.all_there": ("Every default feed is there already", "默认订阅都已添加"),
    "feeds.pick": ("Select a feed in the list on the left first", "请先在左侧列表中选择一个订阅"),
    "reading.feed_error": ("{title}: {error}", "{title}：{error}"),
    "reading.feed_ok": (
        "{title}: {entries} {entries|entry|entries}, fetched {when}",
        "{title}：{entries} 篇，{when}抓取",
    ),
    "reading.feed_new": (
        "{title}: not fetched yet (r fetches it)",
        "{title}：尚未抓取（按 r 抓取）",
    ),
    "reading.nothing": ("Select an entry", "请选择一篇文章"),
    "reading.keys": (
        "n next unread · space page · o open · s star · m read · A category read · "
        "t report/item · r/R refresh · esc back",
        "n 下一篇未读 · 空格 翻页 · o 打开 · s 收藏 · m 已读 · A 本类已读 · "
        "t 转为周报/事项 · r/R 刷新 · / 查找 · esc 返回",
    ),
    "refresh.running": ("Refreshing {done}/{total}", "刷新中 {done}/{total}"),
    "refresh.failures": ("{n} failed", "{n} 个失败"),
    "refresh.done": (
        "Feeds refreshed: {new} new {new|entry|entries}, {failed} {failed|feed|feeds} failed",
        "订阅已刷新：新增 {new} 篇，{failed} 个源失败",
    ),
    "refresh.busy": ("A refresh is already running", "正在刷新中"),
    "refresh.none": ("No feeds to refresh", "没有可刷新的订阅"),
    "turn.title": ("Turn this entry into…", "把这篇文章转为…"),
    "turn.note": (
        "n  a note for this week's report (industry & competitors)",
        "n  本周周报笔记（业界竞品）",
    ),
    "turn.item": ("i  an item in this week's plan", "i  本周计划中的事项"),
    "turn.cancel": ("esc  cancel", "esc  取消"),
    "turn.comment": (
        "A one-line comment for the report (optional)",
        "一句话点评（可空），显示在周报中",
    ),
    "turn.comment_hint": ("enter files it · esc cancel", "回车记入周报 · esc 取消"),
    "note.refiled": (
        "Already in this week's report (filed once): {title}",
        "本周周报中已有（只记一次）：{title}",
    ),
    "note.noted": ("Filed for this week's report: {title}", "已记入本周周报：{title}"),
    "note.category_read": ("Marked {n} {n|entry|entries} read", "已将 {n} 篇标为已读"),
    "key.refresh_feed": ("Refresh feed", "刷新此源"),
    "key.refresh_all": ("Refresh all", "全部刷新"),
    "key.category_read": ("Category read", "本类已读"),
    "key.turn": ("To report / item", "转为周报/事项"),
    "key.reading": ("Friday reading", "周五阅读"),
}
