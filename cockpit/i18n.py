"""The one label catalog (English and Chinese) and relative-time wording.

Every user-visible label of the TUI comes from `t(key)`. `set_language("zh")` switches
the labels and humanize's locale together.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# key: (English, Chinese)
CATALOG: dict[str, tuple[str, str]] = {
    # panels
    "panel.key": ("Key items", "重点事务"),
    "panel.carry": ("Last week's carry-over", "上周未完成"),
    "panel.plan": ("This week's plan", "本周计划"),
    "panel.ops": ("Ops & planning", "运营、产品规划"),
    "panel.customers": ("Customers due", "客户跟踪"),
    "panel.feeds": ("Community & competitors", "社区与竞品动态"),
    "panel.empty": ("nothing here", "暂无"),
    "panel.feeds.empty": ("no unread news", "没有未读动态"),
    # item meta
    "meta.carried": ("carried {n}×", "顺延{n}次"),
    "meta.due": ("due {when}", "{when}到期"),
    "meta.overdue": ("due {when}", "{when}到期"),
    "meta.week": ("planned {week}", "计划于 {week}"),
    "meta.customer": ("@{name}", "@{name}"),
    "cust.followup_due": ("follow-up {when}", "{when}应跟进"),
    "cust.untouched": ("touched {when}", "上次联系 {when}"),
    "cust.never": ("never touched", "从未联系"),
    "age.minutes": ("{n}m", "{n}分钟"),
    "age.hours": ("{n}h", "{n}小时"),
    "age.days": ("{n}d", "{n}天"),
    "age.weeks": ("{n}w", "{n}周"),
    "tier.top": ("top", "重点"),
    "tier.key": ("key", "关键"),
    "tier.normal": ("normal", "普通"),
    # weekdays (Monday = 0)
    "weekday.0": ("Mon", "周一"),
    "weekday.1": ("Tue", "周二"),
    "weekday.2": ("Wed", "周三"),
    "weekday.3": ("Thu", "周四"),
    "weekday.4": ("Fri", "周五"),
    "weekday.5": ("Sat", "周六"),
    "weekday.6": ("Sun", "周日"),
    # relative time
    "rel.today": ("today", "今天"),
    "rel.tomorrow": ("tomorrow", "明天"),
    "rel.yesterday": ("yesterday", "昨天"),
    "rel.future": ("in {d}", "{d}后"),
    "rel.past": ("{d} ago", "{d}前"),
    "rel.weeks": ("{n} weeks", "{n}周"),
    # header / footer
    "title": ("cockpit", "cockpit 驾驶舱"),
    "header.week": ("{week} · {date}", "{week} · {date}"),
    "header.review_hint": (
        "{n} carried items to review: press v",
        "{n} 项上周未完成待回顾：按 v",
    ),
    "hint.empty": (
        "Empty workspace: press a to add your first item (or run `cockpit add TITLE`).",
        "工作区为空：按 a 添加第一项（或运行 `cockpit add 标题`）。",
    ),
    "hint.reloaded": ("Reloaded changes made outside", "已载入外部修改"),
    # bindings
    "key.down": ("Down", "下移"),
    "key.up": ("Up", "上移"),
    "key.top": ("Top", "顶部"),
    "key.bottom": ("Bottom", "底部"),
    "key.next_panel": ("Next panel", "下一面板"),
    "key.prev_panel": ("Previous panel", "上一面板"),
    "key.add": ("Add", "添加"),
    "key.edit": ("Edit", "编辑"),
    "key.done": ("Done", "完成"),
    "key.defer": ("Defer to next week", "推迟到下周"),
    "key.toggle_key": ("Key item", "设为重点"),
    "key.delete": ("Delete", "删除"),
    "key.undo": ("Undo", "撤销"),
    "key.find": ("Find", "查找"),
    "key.help": ("Help", "帮助"),
    "key.palette": ("Commands", "命令"),
    "key.quit": ("Quit", "退出"),
    "key.review": ("Monday review", "周一回顾"),
    "key.refresh": ("Refresh", "刷新"),
    "key.open": ("Open link", "打开链接"),
    "key.star": ("Star", "收藏"),
    "key.read": ("Read/unread", "已读/未读"),
    "key.touch": ("Log a touch", "记录联系"),
    "key.keep": ("Keep for this week", "保留到本周"),
    "key.replan": ("Re-plan", "重新计划"),
    "key.drop": ("Drop", "放弃"),
    "key.skip": ("Skip", "跳过"),
    "key.back": ("Back", "返回"),
    "key.cancel": ("Cancel", "取消"),
    "key.save": ("Save", "保存"),
    # forms
    "form.add_item": ("New item", "新建事项"),
    "form.edit_item": ("Edit item #{id}", "编辑事项 #{id}"),
    "form.title": ("Title", "标题"),
    "form.list": ("List", "列表"),
    "form.week": ("Week (this, next, +2, W48, date)", "周（this、next、+2、W48 或日期）"),
    "form.due": ("Due (YYYY-MM-DD, fri, +3; empty for none)", "截止（YYYY-MM-DD、fri、+3；可空）"),
    "form.customer": ("Customer", "客户"),
    "form.owner": ("Owner", "负责人"),
    "form.tags": ("Tags (space separated)", "标签（空格分隔）"),
    "form.notes": ("Notes", "备注"),
    "form.key": ("Key item", "重点事务"),
    "form.hint": ("enter save · esc cancel · tab next field", "回车保存 · esc 取消 · tab 下一项"),
    "form.title_required": ("A title is required.", "标题不能为空。"),
    "form.add_customer": ("New customer", "新建客户"),
    "form.name": ("Name", "名称"),
    "form.tier": ("Tier", "级别"),
    "form.industry": ("Industry", "行业"),
    "form.region": ("Region", "区域"),
    "form.next_followup": ("Next follow-up (date, empty for none)", "下次跟进（日期，可空）"),
    "form.touch": ("Log a touch with {name}", "记录与 {name} 的联系"),
    "form.channel": ("Channel", "方式"),
    "form.note": ("Note", "内容"),
    "form.replan": ("Re-plan to which week?", "重新计划到哪一周？"),
    "list.key": ("key", "重点"),
    "list.plan": ("plan", "计划"),
    "list.ops": ("ops", "运营"),
    # notifications
    "note.added": ("Added #{id} {title}", "已添加 #{id} {title}"),
    "note.done": ("Done: {title}", "已完成：{title}"),
    "note.saved": ("Saved: {title}", "已保存：{title}"),
    "note.deferred": ("Deferred to {week}: {title}", "已推迟到 {week}：{title}"),
    "note.key_on": ("Key item: {title}", "设为重点：{title}"),
    "note.key_off": ("No longer key: {title}", "取消重点：{title}"),
    "note.deleted": ("Deleted: {title} (u to undo)", "已删除：{title}（u 撤销）"),
    "note.dropped": ("Dropped: {title}", "已放弃：{title}"),
    "note.kept": ("Kept for this week: {title}", "保留到本周：{title}"),
    "note.undone": ("Undone: {what}", "已撤销：{what}"),
    "note.nothing_to_undo": ("Nothing to undo", "没有可撤销的操作"),
    "note.touched": ("Touch logged for {name}", "已记录与 {name} 的联系"),
    "note.no_item": ("Select an item first", "请先选择一项"),
    "note.not_here": ("Not available in this panel", "此面板不支持该操作"),
    "note.starred": ("Starred: {title}", "已收藏：{title}"),
    "note.unstarred": ("Unstarred: {title}", "已取消收藏：{title}"),
    "note.marked_read": ("Marked read: {title}", "已标为已读：{title}"),
    "note.marked_unread": ("Marked unread: {title}", "已标为未读：{title}"),
    "note.opened": ("Opening {url}", "正在打开 {url}"),
    "note.bad_link": ("Only http(s) links are opened", "只打开 http(s) 链接"),
    "note.error": ("Error: {message}", "错误：{message}"),
    # finder / help / review
    "find.placeholder": ("Find items, customers, news…", "查找事项、客户、动态…"),
    "find.kind.item": ("item", "事项"),
    "find.kind.archived": ("archived", "已归档"),
    "find.kind.customer": ("customer", "客户"),
    "find.kind.entry": ("news", "动态"),
    "help.title": ("Keys of this screen", "本屏按键"),
    "help.close": ("esc or ? to close", "按 esc 或 ? 关闭"),
    "review.title": ("Monday review: {pos} of {total}", "周一回顾：第 {pos} / {total} 项"),
    "review.done": (
        "Review finished: every carried item has a decision.",
        "回顾完成：所有上周未完成事项都已处理。",
    ),
    "review.planned": ("planned for {week}, carried {n}×", "原计划 {week}，已顺延 {n} 次"),
    "review.keys": (
        "c keep · p re-plan · x done · d drop · n skip · esc back · u undo",
        "c 保留 · p 重新计划 · x 完成 · d 放弃 · n 跳过 · esc 返回 · u 撤销",
    ),
}

_lang = "en"


def set_language(lang: str) -> None:
    """Switch labels (and humanize) to `lang` ("en" or "zh")."""
    global _lang
    _lang = "zh" if lang == "zh" else "en"


_humanize_lang: str | None = None


def _humanize() -> object:
    """humanize, imported on first use (the CLI rarely needs it) in the active locale."""
    global _humanize_lang
    import humanize

    if _humanize_lang != _lang:
        if _lang == "zh":
            humanize.i18n.activate("zh_CN")
        else:
            humanize.i18n.deactivate()
        _humanize_lang = _lang
    return humanize


def language() -> str:
    """The active language code."""
    return _lang


def t(key: str, **kwargs: object) -> str:
    """The label `key` in the active language, formatted with `kwargs`."""
    en, zh = CATALOG[key]
    text = zh if _lang == "zh" else en
    return text.format(**kwargs) if kwargs else text


def relative_day(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `2 weeks ago`, `in 2 months` (localised)."""
    humanize: Any = _humanize()
    delta = (day - today).days
    if delta == 0:
        return t("rel.today")
    if delta == 1:
        return t("rel.tomorrow")
    if delta == -1:
        return t("rel.yesterday")
    days = abs(delta)
    if days < 14:
        amount = humanize.naturaldelta(dt.timedelta(days=days))
    elif days < 60:
        amount = t("rel.weeks", n=days // 7)
    else:
        amount = humanize.naturaldelta(dt.timedelta(days=days))
    return t("rel.future", d=amount) if delta > 0 else t("rel.past", d=amount)


def relative_time(moment: dt.datetime, now: dt.datetime) -> str:
    """`3 hours ago`, `yesterday`, `2 weeks ago`: relative_day past the first day."""
    humanize: Any = _humanize()
    seconds = (now - moment).total_seconds()
    if 0 <= seconds < 86400:
        if seconds < 60:
            return t("rel.today")
        return t("rel.past", d=humanize.naturaldelta(dt.timedelta(seconds=seconds)))
    return relative_day(moment.astimezone(now.tzinfo).date(), now.date())


def short_age(moment: dt.datetime, now: dt.datetime) -> str:
    """Compact age for dense lists: `45m`, `5h`, `3d`, `2w` (localised units)."""
    minutes = max(int((now - moment).total_seconds() // 60), 0)
    if minutes < 60:
        return t("age.minutes", n=minutes)
    if minutes < 24 * 60:
        return t("age.hours", n=minutes // 60)
    days = minutes // (24 * 60)
    if days < 14:
        return t("age.days", n=days)
    return t("age.weeks", n=days // 7)
