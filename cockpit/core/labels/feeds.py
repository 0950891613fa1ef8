"""Labels of the feeds area: the Friday reading screen and refresh progress."""

LABELS: dict[str, tuple[str, str]] = {
    "reading.title": ("Friday reading", "周五阅读"),
    "reading.feeds": ("Feeds", "订阅源"),
    "reading.entries": ("Entries", "文章"),
    "reading.preview": ("Preview", "预览"),
    "reading.all": ("All", "全部"),
    "reading.no_feeds": (
        "No feeds yet: run `cockpit feeds import --defaults` or `cockpit feeds add URL`.",
        "还没有订阅：运行 `cockpit feeds import --defaults` 或 `cockpit feeds add URL`。",
    ),
    "reading.feed_error": ("{title}: {error}", "{title}：{error}"),
    "reading.feed_ok": (
        "{title}: {entries} {entries|entry|entries}, fetched {when}",
        "{title}：{entries} 篇，{when}抓取",
    ),
    "reading.never": ("never fetched", "尚未抓取"),
    "reading.nothing": ("Select an entry", "请选择一篇文章"),
    "reading.keys": (
        "r refresh feed · R refresh all · o open · s star · m read · A category read · "
        "t to report/item · / find · esc back",
        "r 刷新此源 · R 全部刷新 · o 打开 · s 收藏 · m 已读 · A 本类已读 · "
        "t 转为周报/事项 · / 查找 · esc 返回",
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
    "note.noted": ("Filed for this week's report: {title}", "已记入本周周报：{title}"),
    "note.category_read": ("Marked {n} {n|entry|entries} read", "已将 {n} 篇标为已读"),
    "key.refresh_feed": ("Refresh feed", "刷新此源"),
    "key.refresh_all": ("Refresh all", "全部刷新"),
    "key.category_read": ("Category read", "本类已读"),
    "key.turn": ("To report / item", "转为周报/事项"),
    "key.reading": ("Friday reading", "周五阅读"),
}
