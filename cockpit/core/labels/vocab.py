"""The words of the domain's closed vocabularies, shown and typed in either language.

Each kind of value (an item's list and status, a customer's tier, stage, source and
channel, a requirement's Kano class, status and source) is stored by its English id
(`top`, `done`, `must-be`); `word` names one in the active language and `parse` reads
what a user types or a spreadsheet holds: the id, its label in either language, or a
common synonym (`战略` is a top customer, `微信` a chat, `必备` must-be). One table per
kind keeps the CLI, the forms and the importers agreeing on what they accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cockpit.core.errors import InvalidError
from cockpit.core.i18n import CATALOG, Message, msg
from cockpit.core.model import LISTS, STATUSES, TIERS


class Kind(NamedTuple):
    """One vocabulary: its values, the label prefix naming them, extra spellings.

    (Small immutable records on every command's path are NamedTuples: making a
    dataclass costs ~0.5 ms at start-up, a NamedTuple a fifth of that.)"""

    name: str
    """The field it is (its catalog word is `field.<name>`)."""
    values: tuple[str, ...]
    prefix: str
    synonyms: dict[str, str]


def _kinds() -> dict[str, Kind]:
    lists, statuses, tiers = LISTS, STATUSES, TIERS
    return {
        k.name: k
        for k in (
            Kind(
                "list",
                lists,
                "list",
                {
                    "重点事务": "key",
                    "重点工作": "key",
                    "重点": "key",
                    "关键": "key",
                    "本周计划": "plan",
                    "计划": "plan",
                    "日常": "plan",
                    "运营": "ops",
                    "运营规划": "ops",
                    "运营、产品规划": "ops",
                    "规划": "ops",
                },
            ),
            Kind(
                "status",
                statuses,
                "status",
                {
                    "完成": "done",
                    "已完成": "done",
                    "做完": "done",
                    "结束": "done",
                    "进行中": "open",
                    "未完成": "open",
                    "待办": "open",
                    "打开": "open",
                    "开放": "open",
                    "pending": "open",
                    "waiting": "open",
                    "completed": "done",
                    "放弃": "dropped",
                    "已放弃": "dropped",
                    "取消": "dropped",
                    "已取消": "dropped",
                    "deleted": "dropped",
                },
            ),
            Kind(
                "tier",
                tiers,
                "tier",
                {
                    "战略": "top",
                    "战略客户": "top",
                    "重点客户": "top",
                    "头部": "top",
                    "a": "top",
                    "a类": "top",
                    "vip": "top",
                    "核心": "key",
                    "核心客户": "key",
                    "关键客户": "key",
                    "重要": "key",
                    "重要客户": "key",
                    "b": "key",
                    "b类": "key",
                    "普通客户": "normal",
                    "一般": "normal",
                    "一般客户": "normal",
                    "c": "normal",
                    "c类": "normal",
                },
            ),
            Kind(
                "stage",
                ("lead", "opportunity", "customer", "churn-risk", "churned"),
                "customers.stage",
                {
                    "潜在客户": "lead",
                    "线索客户": "lead",
                    "机会": "opportunity",
                    "签约": "customer",
                    "已签约": "customer",
                    "在用": "customer",
                    "风险": "churn-risk",
                    "流失预警": "churn-risk",
                    "流失": "churned",
                    "已流失客户": "churned",
                    "churn": "churn-risk",
                },
            ),
            Kind(
                "source",
                ("direct", "sales", "channel", "partner"),
                "customers.source",
                {
                    "直签": "direct",
                    "直客": "direct",
                    "自营": "direct",
                    "销售线索": "sales",
                    "代理": "channel",
                    "代理商": "channel",
                    "分销": "channel",
                    "经销商": "channel",
                    "渠道商": "channel",
                    "伙伴": "partner",
                    "合作方": "partner",
                    "生态伙伴": "partner",
                },
            ),
            Kind(
                "channel",
                ("call", "visit", "chat", "mail", "meeting"),
                "customers.channel",
                {
                    "通话": "call",
                    "电联": "call",
                    "phone": "call",
                    "上门": "visit",
                    "面谈": "visit",
                    "拜访客户": "visit",
                    "微信": "chat",
                    "钉钉": "chat",
                    "企业微信": "chat",
                    "企微": "chat",
                    "飞书": "chat",
                    "即时消息": "chat",
                    "im": "chat",
                    "wechat": "chat",
                    "dingtalk": "chat",
                    "邮箱": "mail",
                    "email": "mail",
                    "e-mail": "mail",
                    "开会": "meeting",
                    "视频会议": "meeting",
                    "线上会议": "meeting",
                },
            ),
            Kind(
                "kano",
                ("must-be", "performance", "attractive", "indifferent", "reverse"),
                "req.kano",
                {
                    "必备": "must-be",
                    "基本": "must-be",
                    "基本型": "must-be",
                    "必须": "must-be",
                    "期望": "performance",
                    "一维": "performance",
                    "一维型": "performance",
                    "魅力": "attractive",
                    "兴奋": "attractive",
                    "兴奋型": "attractive",
                    "无差异": "indifferent",
                    "无所谓": "indifferent",
                    "反向": "reverse",
                    "must": "must-be",
                    "mustbe": "must-be",
                },
            ),
            Kind(
                "req_status",
                (
                    "collected",
                    "reviewed",
                    "planned",
                    "in-development",
                    "released",
                    "closed",
                    "rejected",
                ),
                "req.status",
                {
                    "收集": "collected",
                    "新建": "collected",
                    "待评审": "collected",
                    "评审": "reviewed",
                    "评审通过": "reviewed",
                    "规划": "planned",
                    "计划": "planned",
                    "开发": "in-development",
                    "研发中": "in-development",
                    "dev": "in-development",
                    "indev": "in-development",
                    "development": "in-development",
                    "发布": "released",
                    "已上线": "released",
                    "上线": "released",
                    "关闭": "closed",
                    "拒绝": "rejected",
                    "驳回": "rejected",
                },
            ),
            Kind(
                "risk",
                ("none", "low", "high"),
                "req.risk",
                {"无风险": "none", "低风险": "low", "高风险": "high", "-": "none"},
            ),
            Kind(
                "group",
                ("industry", "region", "source"),
                "customers.col",
                {"按行业": "industry", "按区域": "region", "按来源": "source", "地区": "region"},
            ),
            Kind(
                "req_source",
                ("customer", "ticket", "sales", "internal"),
                "req.source",
                {
                    "客户需求": "customer",
                    "工单需求": "ticket",
                    "销售反馈": "sales",
                    "内部需求": "internal",
                    "产品": "internal",
                },
            ),
        )
    }


KINDS = _kinds()


def _fold(text: str) -> str:
    # "In Development", "in_development" and "in-development" read alike.
    return "-".join(text.strip().casefold().replace("_", " ").split())


def _lookup(kind: Kind) -> dict[str, str]:
    table: dict[str, str] = {}
    for value in kind.values:
        table[_fold(value)] = value
        for label in CATALOG.get(f"{kind.prefix}.{value}", ()):
            table[_fold(label)] = value
    table.update({_fold(k): v for k, v in kind.synonyms.items()})
    return table


_TABLES: dict[str, dict[str, str]] = {}
"""Each kind's spellings, made on first use (`--list 重点` needs the lists' words, not
the catalog areas naming tiers, Kano classes and channels)."""


def find(kind: str, text: str) -> str | None:
    """The value of `kind` that `text` names, or None."""
    table = _TABLES.get(kind)
    if table is None:
        table = _TABLES[kind] = _lookup(KINDS[kind])
    return table.get(_fold(text))


def parse(kind: str, text: str, values: Sequence[str] | None = None) -> str:
    """The value of `kind` that `text` names (id, label in either language, synonym).

    Args:
        values: the values allowed here, when fewer than the kind's.

    Raises:
        InvalidError: naming the field and every value it takes, in the UI's language.
    """
    allowed = tuple(values) if values is not None else KINDS[kind].values
    value = find(kind, text)
    if value is None or value not in allowed:
        raise InvalidError(
            "err.value", field=msg(f"field.{kind}"), choices=choices(kind, allowed), value=text
        )
    return value


def word(kind: str, value: str) -> Message:
    """The value's name, worded when shown (its id when it has no label)."""
    key = f"{KINDS[kind].prefix}.{value}"
    return Message(key) if key in CATALOG else Message(value)


def choices(kind: str, values: Sequence[str] | None = None) -> list[Message]:
    """The names of `values` (default: every value of the kind), for "one of …"."""
    return [word(kind, v) for v in (values if values is not None else KINDS[kind].values)]


_DEFERRED = "deferred to "
_RENAMED = "customer renamed to "
_REPEATS = "repeats #"


def history(what: str) -> Message:
    """An item's history entry (stored as English words, `created`, `deferred to
    2026-W48`, the same in every workspace) worded for the reader."""
    if what.startswith(_DEFERRED):
        return msg("hist.deferred", week=what[len(_DEFERRED) :])
    if what.startswith(_RENAMED):
        return msg("hist.renamed", name=what[len(_RENAMED) :])
    if what.startswith(_REPEATS):
        return msg("hist.repeats", id=what[len(_REPEATS) :])
    key = "hist." + "_".join(what.split())
    return Message(key) if key in CATALOG else Message(what)
