"""The customer book: customers, their tier, stage and follow-up date, and the touch log.

Customers live in `customers.json` (tables `customers`, `touches`, `meta`), apart from
the items, so logging a call never rewrites the item file. Items link to a customer by
name (`Item.customer`), so a rename updates the linked open items in the same step.
Every change is one transaction and one undo step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cockpit.core.changes import ChangeSet
from cockpit.core.errors import InvalidError, NotFoundError
from cockpit.core.i18n import Message, msg
from cockpit.core.labels import vocab
from cockpit.core.model import Customer, Item, Touch, iso
from cockpit.core.text import clean_block, clean_line
from cockpit.customers.fields import (
    CHANNELS,
    CHURN_STAGES,
    EDITABLE,
    SOURCES,
    STAGES,
    check_churn,
    clean_fields,
)

if TYPE_CHECKING:  # the workspace holds this book; the type is only for annotations
    from cockpit.items.workspace import Workspace

__all__ = ["CHANNELS", "CHURN_STAGES", "EDITABLE", "SOURCES", "STAGES", "CustomerBook"]

FILE = "customers"
HOT = "items"  # the workspace's hot item file (see cockpit.items.workspace.HOT)


class CustomerBook:
    """Customer operations of one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # reading --------------------------------------------------------------------------
    def all(self) -> list[Customer]:
        raw = self.ws.files.raw(FILE).get("customers", {})
        return [Customer.from_doc(int(k), v) for k, v in raw.items()]

    def get(self, customer_id: int) -> Customer:
        """The customer with `customer_id`.

        Raises:
            NotFoundError: there is none.
        """
        doc = self.ws.files.raw(FILE).get("customers", {}).get(str(customer_id))
        if doc is None:
            raise NotFoundError("err.customer.no_id", id=customer_id)
        return Customer.from_doc(customer_id, doc)

    def touches(self, customer_id: int | None = None) -> list[Touch]:
        """Touches (of one customer, or all), newest first."""
        raw = self.ws.files.raw(FILE).get("touches", {})
        rows = [Touch.from_doc(int(k), v) for k, v in raw.items()]
        if customer_id is not None:
            rows = [t for t in rows if t.customer_id == customer_id]
        rows.sort(key=lambda t: (t.date, t.id), reverse=True)
        return rows

    def touch_log(self) -> dict[int, list[Touch]]:
        """Every customer's touches, newest first, read once (screens redraw from it)."""
        out: dict[int, list[Touch]] = {}
        for touch in self.touches():
            out.setdefault(touch.customer_id, []).append(touch)
        return out

    def find(self, name: str) -> Customer:
        """The customer called exactly `name` (case-insensitive; spaces at the ends do not
        count). A part of a name never picks a customer: "Glob" does not mean "Globex".

        Raises:
            NotFoundError: no customer has that name; the sentence lists the names it
                may have meant (those containing it, or close to it).
        """
        wanted = clean_line(name).casefold()
        customers = self.all()
        for cust in customers:
            if " ".join(cust.name.split()).casefold() == wanted:
                return cust
        shown = clean_line(name)
        candidates = name_candidates(wanted, [c.name for c in customers])
        if candidates:
            raise NotFoundError("err.customer.none_like", name=shown, names=candidates)
        raise NotFoundError("err.customer.none", name=shown)

    def resolve(self, ref: int | str) -> Customer:
        """A customer by id (from a screen) or by name (from the command line)."""
        return self.get(ref) if isinstance(ref, int) else self.find(ref)

    def items_by_customer(self) -> dict[str, list[Item]]:
        """Items of the hot file by lower-cased customer name, as `linked_items` sorts."""
        out: dict[str, list[Item]] = {}
        for item in self.ws.items():
            if item.customer:
                out.setdefault(item.customer.casefold(), []).append(item)
        return {name: _linked_order(rows) for name, rows in out.items()}

    def linked_items(self, name: str) -> list[Item]:
        """Items whose customer is `name` (case-insensitive): open work first, by week,
        then finished work, latest first. Archived items are history and left out."""
        return self.items_by_customer().get(clean_line(name).casefold(), [])

    # adding ---------------------------------------------------------------------------
    def prepare(
        self,
        name: str,
        *,
        tier: str = "normal",
        industry: str = "",
        region: str = "",
        source: str = "",
        owner: str = "",
        next_followup: dt.date | None = None,
        notes: str = "",
        stage: str = "customer",
        deal_value: float | None = None,
        churn_reason: str = "",
        stage_since: dt.date | None = None,
        stage_from: str = "",
        last_touch: dt.date | None = None,
        created: str = "",
    ) -> Customer:
        """Validate and build a customer without storing it (imports batch these)."""
        values = clean_fields(
            {
                "name": name,
                "tier": tier,
                "industry": industry,
                "region": region,
                "source": source,
                "owner": owner,
                "next_followup": next_followup,
                "notes": notes,
                "stage": stage,
                "deal_value": deal_value,
                "churn_reason": churn_reason,
            }
        )
        cust = Customer(
            **values,
            stage_since=stage_since.isoformat() if stage_since else None,
            # The stage it last left (a CSV round trip keeps it; see `accounts.big_moves`).
            stage_from=clean_fields({"stage": stage_from})["stage"] if stage_from else "",
            last_touch=last_touch.isoformat() if last_touch else None,
            created=created or iso(self.ws.clock.now()),
        )
        check_churn(cust)
        return cust

    def add(self, name: str, **fields: Any) -> Customer:
        """Store a new customer; names are unique (case-insensitive)."""
        fields.setdefault("stage_since", self.ws.clock.today())
        return self.add_many([self.prepare(name, **fields)])[0]

    def add_many(self, customers: list[Customer]) -> list[Customer]:
        """Store prepared customers in one transaction (all or nothing)."""
        if not customers:
            return []
        with self.ws.changing(FILE) as changes:
            taken = {c.name.casefold() for c in self.all()}
            for cust in customers:
                if cust.name.casefold() in taken:
                    raise InvalidError("err.customer.exists", name=cust.name)
                taken.add(cust.name.casefold())
            for cust in customers:
                cust.id = self.ws.next_id(FILE, "next_customer")
            changes.insert_new(
                FILE,
                "customers",
                {c.id: c.to_doc() for c in customers},
                {c.id: msg("undo.customer", what=msg("undo.add"), name=c.name) for c in customers},
            )
        return customers

    # changing -------------------------------------------------------------------------
    def _change(
        self, ref: int | str, label: Message, apply: Callable[[Customer], None]
    ) -> Customer:
        """Read, change with `apply`, check and store one customer, as one undo step.

        A rename carries the linked items of the hot file along in the same transaction.
        """
        with self.ws.changing(FILE, HOT) as changes:
            cust = self.resolve(ref)
            old_name = cust.name
            changes.snapshot(FILE, "customers", cust.id)
            old_stage = cust.stage
            apply(cust)
            if cust.stage not in CHURN_STAGES and old_stage in CHURN_STAGES:
                cust.churn_reason = ""  # back in business: the old reason no longer holds
            if cust.stage != old_stage:
                cust.stage_since = self.ws.clock.today().isoformat()
                cust.stage_from = old_stage  # what the week's report calls the move
            check_churn(cust)
            if cust.name.casefold() != old_name.casefold() and any(
                c.name.casefold() == cust.name.casefold() for c in self.all()
            ):
                raise InvalidError("err.customer.exists", name=cust.name)
            changes.replace(FILE, "customers", cust.id, cust.to_doc())
            if cust.name != old_name:
                self._rename_links(changes, old_name, cust.name)
            changes.label = msg("undo.customer", what=label, name=cust.name)
        return cust

    def _rename_links(self, changes: ChangeSet, old: str, new: str) -> None:
        for shown in self.ws.items():
            if shown.customer.casefold() == old.casefold():
                item = Item.from_doc(shown.id, shown.to_doc())  # shared: change a copy
                item.customer = new
                item.log(self.ws.clock.now(), f"customer renamed to {new}")
                changes.replace(HOT, "items", item.id, item.to_doc())

    def edit(self, ref: int | str, **fields: Any) -> Customer:
        """Change any of the `EDITABLE` fields of a customer (by id or name).

        Raises:
            InvalidError: an unknown field or a refused value; nothing changes.
            NotFoundError: no such customer.
        """
        unknown = set(fields) - EDITABLE
        if unknown:
            raise InvalidError("err.cannot_edit", fields=sorted(unknown))
        values = clean_fields(fields)

        def apply(cust: Customer) -> None:
            for name, value in values.items():
                setattr(cust, name, value)

        return self._change(ref, msg("undo.edit"), apply)

    def set_stage(self, ref: int | str, stage: str, reason: str = "") -> Customer:
        """Move a customer to `stage`; a churn stage takes the reason (churn-risk needs one),
        leaving the churn stages clears it."""
        values = clean_fields({"stage": stage, "churn_reason": reason})

        def apply(cust: Customer) -> None:
            cust.stage = values["stage"]
            if values["churn_reason"] or cust.stage not in CHURN_STAGES:
                cust.churn_reason = values["churn_reason"]

        return self._change(
            ref, msg("undo.stage", stage=vocab.word("stage", values["stage"])), apply
        )

    def mark_churn_risk(self, ref: int | str, reason: str) -> Customer:
        """Flag a churn risk and say why (the reason is required)."""
        return self.set_stage(ref, "churn-risk", reason)

    def link(self, item_id: int, ref: int | str) -> Item:
        """Link an item to a customer (stored as the book spells the name); one undo step."""
        return self.ws.edit(item_id, customer=self.resolve(ref).name)

    def touch(
        self,
        name: int | str,
        note: str,
        *,
        channel: str = "call",
        next_followup: dt.date | None = None,
        day: dt.date | None = None,
    ) -> Touch:
        """Log a contact; sets last touch and (optionally) the next follow-up.

        Without a new follow-up date, a follow-up that this touch answered is cleared.
        """
        if channel not in CHANNELS:
            channel = vocab.parse("channel", channel)  # 微信, 电话, 拜访 …
        today = self.ws.clock.today()
        day = day or today
        if day > today:
            raise InvalidError("err.customer.touch_ahead", day=day)
        with self.ws.changing(FILE) as changes:
            cust = self.resolve(name)
            changes.label = msg("undo.customer", what=msg("undo.touch"), name=cust.name)
            touch = Touch(
                customer_id=cust.id, date=day.isoformat(), channel=channel, note=clean_block(note)
            )
            touch.id = self.ws.next_id(FILE, "next_touch")
            changes.insert_new(FILE, "touches", {touch.id: touch.to_doc()})
            cust.last_touch = max(cust.last_touch or "", touch.date)
            if next_followup is not None:
                cust.next_followup = next_followup.isoformat()
            elif cust.next_followup and cust.next_followup <= touch.date:
                cust.next_followup = None
            changes.replace(FILE, "customers", cust.id, cust.to_doc())
        return touch


def _linked_order(items: list[Item]) -> list[Item]:
    """Open work by week, then finished work, the latest finished first."""
    open_ = sorted((i for i in items if i.is_open), key=lambda i: (i.week, i.id))
    closed = sorted(
        (i for i in items if not i.is_open), key=lambda i: (i.done_at or i.updated, i.id)
    )
    return open_ + closed[::-1]


def name_candidates(wanted: str, names: list[str], limit: int = 5) -> list[str]:
    """Names that contain `wanted` (case-folded), else the closest few spellings."""
    folded = {n: n.casefold() for n in names}
    containing = sorted((n for n, f in folded.items() if wanted and wanted in f), key=str.casefold)
    if containing:
        return containing[:limit]
    # Imported here, for start-up time: only a name that matched nothing needs it.
    import difflib

    close = difflib.get_close_matches(wanted, list(folded.values()), n=limit, cutoff=0.6)
    return [n for n, f in folded.items() if f in close][:limit]
