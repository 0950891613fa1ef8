"""The customer book: customers, their tier and follow-up date, and the touch log.

Customers live in `customers.json` (tables `customers`, `touches`, `meta`), apart from
the items, so logging a call never rewrites the item file.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from cockpit.model import TIERS, Customer, Touch, iso

if TYPE_CHECKING:
    from cockpit.workspace import Workspace

FILE = "customers"
CHANNELS = ("call", "visit", "chat", "mail", "meeting")
SOURCES = ("", "direct", "sales", "channel", "partner")


class CustomerBook:
    """Customer operations of one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def all(self) -> list[Customer]:
        raw = self.ws.files.raw(FILE).get("customers", {})
        return [Customer.from_doc(int(k), v) for k, v in raw.items()]

    def touches(self, customer_id: int | None = None) -> list[Touch]:
        """Touches (of one customer, or all), newest first."""
        raw = self.ws.files.raw(FILE).get("touches", {})
        rows = [Touch.from_doc(int(k), v) for k, v in raw.items()]
        if customer_id is not None:
            rows = [t for t in rows if t.customer_id == customer_id]
        rows.sort(key=lambda t: (t.date, t.id), reverse=True)
        return rows

    def find(self, name: str) -> Customer:
        """The customer called `name` (case-insensitive), or the only one it starts.

        Raises:
            NotFoundError: none or several match.
        """
        from cockpit.workspace import NotFoundError

        wanted = name.strip().casefold()
        customers = self.all()
        exact = [c for c in customers if c.name.casefold() == wanted]
        if exact:
            return exact[0]
        prefix = [c for c in customers if c.name.casefold().startswith(wanted)]
        if len(prefix) == 1:
            return prefix[0]
        if prefix:
            names = ", ".join(sorted(c.name for c in prefix)[:5])
            raise NotFoundError(f"{name!r} matches several customers: {names}")
        raise NotFoundError(f"no customer named {name!r}")

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
    ) -> Customer:
        """Validate and build a customer without storing it."""
        from cockpit.workspace import InvalidError

        name = " ".join(name.split())
        if not name:
            raise InvalidError("a customer needs a name")
        if tier not in TIERS:
            raise InvalidError(f"tier must be one of {', '.join(TIERS)}, not {tier!r}")
        if source not in SOURCES:
            raise InvalidError(f"source must be one of {', '.join(SOURCES[1:])}, not {source!r}")
        return Customer(
            name=name,
            tier=tier,
            industry=industry.strip(),
            region=region.strip(),
            source=source,
            owner=owner.strip(),
            next_followup=next_followup.isoformat() if next_followup else None,
            notes=notes,
            created=iso(self.ws.clock.now()),
        )

    def add(self, name: str, **fields: Any) -> Customer:
        """Store a new customer; names are unique (case-insensitive)."""
        return self.add_many([self.prepare(name, **fields)])[0]

    def add_many(self, customers: list[Customer]) -> list[Customer]:
        """Store prepared customers in one transaction (all or nothing)."""
        from cockpit.workspace import Change, InvalidError

        if not customers:
            return []
        with self.ws.files.transaction(FILE):
            taken = {c.name.casefold() for c in self.all()}
            for cust in customers:
                if cust.name.casefold() in taken:
                    raise InvalidError(f"a customer named {cust.name!r} already exists")
                taken.add(cust.name.casefold())
            table = self.ws.files.table(FILE, "customers")
            for cust in customers:
                cust.id = self.ws._next_id(FILE, "next_customer")
            table.insert_multiple(Document(c.to_doc(), doc_id=c.id) for c in customers)
        self.ws.undo_stack.append(
            [Change(FILE, "customers", c.id, None, f"add {c.name}") for c in customers]
        )
        return customers

    def touch(
        self,
        name: str,
        note: str,
        *,
        channel: str = "call",
        next_followup: dt.date | None = None,
        day: dt.date | None = None,
    ) -> Touch:
        """Log a contact; sets last touch and (optionally) the next follow-up.

        Without a new follow-up date, a follow-up that this touch answered is cleared.
        """
        from cockpit.workspace import Change, InvalidError

        if channel not in CHANNELS:
            raise InvalidError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
        day = day or self.ws.clock.today()
        with self.ws.files.transaction(FILE):
            cust = self.find(name)
            customers = self.ws.files.table(FILE, "customers")
            before = copy.deepcopy(dict(customers.get(doc_id=cust.id) or {}))
            touch = Touch(customer_id=cust.id, date=day.isoformat(), channel=channel, note=note)
            touch.id = self.ws._next_id(FILE, "next_touch")
            self.ws.files.table(FILE, "touches").insert(Document(touch.to_doc(), doc_id=touch.id))
            cust.last_touch = max(cust.last_touch or "", touch.date)
            if next_followup is not None:
                cust.next_followup = next_followup.isoformat()
            elif cust.next_followup and cust.next_followup <= touch.date:
                cust.next_followup = None
            new = cust.to_doc()

            def replace(stored: MutableMapping[Any, Any]) -> None:
                stored.clear()
                stored.update(new)

            customers.update(replace, doc_ids=[cust.id])
        self.ws.undo_stack.append(
            [
                Change(FILE, "touches", touch.id, None, f"touch {cust.name}"),
                Change(FILE, "customers", cust.id, before, f"touch {cust.name}"),
            ]
        )
        return touch
