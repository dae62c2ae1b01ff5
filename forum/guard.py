"""The data-protection guard (Sozialdatenschutz): finds likely personal data of clients in a post.

The forum is for colleagues, never for cases. Before a post is saved the author sees what the
guard found and must remove it or confirm that it is harmless. The guard is deliberately a
warning, not a wall: it cannot know whether "0231 842-0" is a client's mobile or the switchboard
of a Beratungsstelle, so it names the hard cases (phone numbers, e-mail addresses) as such and
lets the author confirm. What it looks for:

- Kundennummer of the Bundesagentur / the Jobcenter: three digits, "D", six digits (123D456789).
- BG-Nummer (Bedarfsgemeinschaft): five digits, "BG", seven digits (12345BG0012345).
- Rentenversicherungsnummer: 2 digits, a date of birth (ddmmyy), a letter, 3 digits.
- IBAN: only when the ISO 7064 check digits are right, so invented numbers of the right shape
  ("DE00 …") do not warn.
- A date of birth: a date after "geb.", "geboren", "Geburtsdatum" or "*", or a date with a
  plausible birth year right after a name with "Frau"/"Herr" ("Frau Müller, 12.03.1985").
  Appointments ("Termin am 12.03.2025") are not birth dates: no birth word, and the year is too
  recent for an adult client.
- Phone numbers: German numbers starting with 0 or +49 / 0049 and at least seven digits.
- E-mail addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CUSTOMER_NUMBER = "customer_number"
BG_NUMBER = "bg_number"
PENSION_NUMBER = "pension_number"
IBAN = "iban"
BIRTH_DATE = "birth_date"
PHONE = "phone"
EMAIL = "email"

LABELS = {
    CUSTOMER_NUMBER: _("Customer number (Kundennummer)"),
    BG_NUMBER: _("Number of a Bedarfsgemeinschaft (BG-Nummer)"),
    PENSION_NUMBER: _("Pension insurance number"),
    IBAN: _("Bank account (IBAN)"),
    BIRTH_DATE: _("Date of birth next to a name"),
    PHONE: _("Phone number"),
    EMAIL: _("E-mail address"),
}
HINTS = {
    PHONE: _(
        "If this is the number of an institution, e.g. a Beratungsstelle, you may confirm below."
    ),
    EMAIL: _("If this is the address of an institution or a team mailbox, you may confirm below."),
}
# Kinds that identify a client on their own; the others may well belong to institutions.
ALWAYS_PERSONAL = (CUSTOMER_NUMBER, BG_NUMBER, PENSION_NUMBER, IBAN, BIRTH_DATE)

_CUSTOMER_RE = re.compile(r"(?<![\w])\d{3}\s?[Dd]\s?\d{6}(?![\w])")
_BG_RE = re.compile(r"(?<![\w])\d{5}\s?[Bb][Gg]\s?\d{7}(?![\w])")
_PENSION_RE = re.compile(
    r"(?<![\w])\d{2}\s?(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}\s?[A-Z]\s?\d{3}(?![\w])"
)
_IBAN_START_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}")
_DATE = r"(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.\s?(?:19|20)?\d{2}"
_DATE_RE = re.compile(rf"(?<![\d.]){_DATE}(?![\d])")
_BIRTH_WORD_RE = re.compile(
    r"(?:\bgeb\.|\bgeboren\b|\bgeb(?:urts)?[-.]{0,2}\s?dat(?:um|\.)?|\bGeburtstag\b|\*)"
    r"[\s:,(]*(?:am\s+)?$",
    re.IGNORECASE,
)
_NAME_BEFORE_RE = re.compile(
    r"\b(?:Frau|Herr|Herrn|Hr\.|Fr\.|Kunde|Kundin)\s+[A-ZÄÖÜ][\w\-]*\.?"
    r"(?:\s+[A-ZÄÖÜ][\w\-]*)?\s*[,(]?\s*(?:\*\s*)?$"
)
_PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+49|0049)\s?(?:\(0\)\s?)?|\(?0)[1-9]\d{1,4}\)?(?:[\s/\-]?\d){3,11}(?![\w])"
)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w])")

# Most IBAN lengths of the SEPA countries; others are checked by the check digits alone.
_IBAN_LENGTHS = {
    "AT": 20,
    "BE": 16,
    "CH": 21,
    "DE": 22,
    "DK": 18,
    "ES": 24,
    "FR": 27,
    "GB": 22,
    "IT": 27,
    "LU": 20,
    "NL": 18,
    "PL": 28,
}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def hint(self) -> str:
        return str(HINTS.get(self.kind, ""))


def iban_is_valid(value: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    iban = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = _IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    digits = "".join(str(int(char, 36)) for char in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _ibans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """IBANs with right check digits, written together or in groups ("DE89 3704 0044 …")."""
    found = []
    for match in _IBAN_START_RE.finditer(text):
        compact, ends = "", []
        position = match.start()
        while position < len(text) and len(compact) < 34:
            char = text[position]
            if char.isascii() and (char.isdigit() or char.isupper()):
                compact += char
                ends.append(position + 1)
            elif not (char == " " and compact and position + 1 < len(text)):
                break
            position += 1
        expected = _IBAN_LENGTHS.get(compact[:2])
        lengths = [expected] if expected else range(len(compact), 14, -1)
        for length in lengths:
            if length <= len(compact) and iban_is_valid(compact[:length]):
                end = ends[length - 1]
                found.append((text[match.start() : end], (match.start(), end)))
                break
    return found


def _plausible_birth_year(date_text: str) -> bool:
    year_text = re.split(r"\.\s?", date_text.strip())[-1]
    year = int(year_text)
    if len(year_text) == 2:
        # Two digits: "85" is 1985, "05" is 2005.
        year += 2000 if year <= timezone.now().year % 100 else 1900
    # Clients of a Jobcenter are at least 15; a recent year is an appointment, not a birthday.
    return 1900 <= year <= timezone.now().year - 14


def _birth_dates(text: str) -> list[str]:
    found = []
    for match in _DATE_RE.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if _BIRTH_WORD_RE.search(before) or (
            _NAME_BEFORE_RE.search(before) and _plausible_birth_year(match.group(0))
        ):
            found.append(match.group(0))
    return found


def _phones(text: str, taken: list[tuple[int, int]]) -> list[str]:
    found = []
    for match in _PHONE_RE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 15:
            found.append(match.group(0).strip())
    return found


def scan(*texts: str) -> list[Finding]:
    """The likely personal data in ``texts``, each finding once, in a stable order."""
    findings: list[Finding] = []

    def add(kind: str, value: str) -> None:
        finding = Finding(kind, value.strip())
        if finding not in findings:
            findings.append(finding)

    for text in texts:
        if not text:
            continue
        taken: list[tuple[int, int]] = []
        for kind, pattern in (
            (BG_NUMBER, _BG_RE),
            (CUSTOMER_NUMBER, _CUSTOMER_RE),
            (PENSION_NUMBER, _PENSION_RE),
        ):
            for match in pattern.finditer(text):
                add(kind, match.group(0))
                taken.append(match.span())
        for value, span in _ibans(text):
            add(IBAN, value)
            taken.append(span)
        for value in _birth_dates(text):
            add(BIRTH_DATE, value)
        for match in _EMAIL_RE.finditer(text):
            add(EMAIL, match.group(0))
            taken.append(match.span())
        for value in _phones(text, taken):
            add(PHONE, value)
    order = [CUSTOMER_NUMBER, BG_NUMBER, PENSION_NUMBER, IBAN, BIRTH_DATE, PHONE, EMAIL]
    return sorted(findings, key=lambda finding: order.index(finding.kind))
