"""Recurring items: the rule an item repeats by, as stored, and the date its next
occurrence falls on. `rule` is the stored form and its checks, `dates` the dates it
gives, `parse` what users type, `words` the rule in words.

Two kinds of rule, as org-mode and taskwarrior users know them:
- a calendar rule (every 2 weeks on Thursday, the 15th of every month, the last
  Friday of each quarter): stored as the body of an iCalendar RRULE
  (`FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR`), so the calendar export carries it as
  it is; the dates come from `dateutil.rrule`, from the item's due date;
- a repeater counted from the day the item is finished (org's `.+3d`): stored as
  `.+3d` (`;UNTIL=20261230` may follow).

What a rule may say is kept to what always gives a date: dateutil searches a rule that
never matches (the 31st of every April) up to the year 9999, so `check_gives_dates`
proves, with calendar arithmetic over a bounded number of periods, that one does, and
the combinations that can miss for ever (an interval with a month filter, say) are
refused when the rule is read (`cockpit.items.recurrence.parse`).
"""
