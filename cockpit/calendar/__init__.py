"""The weekly cadence and calendars: routines, today's agenda, iCalendar export and
import, subscribed calendars and CalDAV sync.
"""
