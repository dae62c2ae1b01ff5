"""iCalendar (RFC 5545) of events, written by hand: the few properties a calendar needs do not
justify a dependency."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone

from cms.site_url import absolute_url, site_address

PRODID = "-//Wissensbörse Netzwerke ABC//Veranstaltungen//DE"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            # Continuation lines begin with a space, which counts towards their 75 octets.
            current, size, limit = "", 0, 74
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_location(event) -> str:
    if event.online:
        place = ", ".join(part for part in (event.venue, event.address) if part)
        return f"Online – {place}" if place else "Online"
    return ", ".join(part for part in (event.venue, event.address) if part)


def event_lines(event, *, stamp: datetime, request=None) -> list[str]:
    host = site_address()[0]
    # With the request Wagtail reads the site's root paths once, not once per event.
    page_url = event.get_url(request)
    url = absolute_url(page_url) if page_url else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}@{host}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SUMMARY:{escape_text(event.title)}",
    ]
    location = event_location(event)
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if event.teaser:
        lines.append(f"DESCRIPTION:{escape_text(event.teaser)}")
    if url:
        # A URI value, not TEXT: it is not escaped.
        lines.append(f"URL:{url}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc_stamp(event.last_published_at)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable, *, name: str, request=None) -> str:
    stamp = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines.extend(event_lines(event, stamp=stamp, request=request))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
