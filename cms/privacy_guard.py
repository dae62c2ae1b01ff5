"""The data-protection guard (Sozialdatenschutz): finds likely personal data of clients in texts
that colleagues write for each other (forum posts, practice submissions).

The forum and the practice library are for colleagues, never for cases. Before a text is saved
the author sees what the guard found and must remove it or confirm that it is harmless; a
confirmed warning is recorded for the moderators or the Redaktion. The guard is deliberately a
warning, not a wall: it cannot know whether "0231 842-0" is a client's mobile or the switchboard
of a Beratungsstelle, so it names the hard cases (phone numbers, e-mail addresses, addresses) as
such and lets the author confirm. What it looks for:

- Kundennummer of the Bundesagentur / the Jobcenter: three digits, "D", six digits (123D456789).
- BG-Nummer (Bedarfsgemeinschaft): five digits, "BG", seven digits (12345BG0012345).
- Rentenversicherungsnummer: 2 digits, a date of birth (ddmmyy), a letter, 3 digits.
- Steuerliche Identifikationsnummer (§ 139b AO): 11 digits, the first not 0, written together or
  as "12 345 678 903", only when the ISO 7064 MOD 11,10 check digit is right, so that other
  eleven-digit numbers do not warn.
- IBAN: only when the ISO 7064 check digits are right, so invented numbers of the right shape
  ("DE00 …") do not warn.
- A date of birth: a date after "geb.", "geboren", "Geburtsdatum" or "*", or a date with a
  plausible birth year right after a name with "Frau"/"Herr" ("Frau Müller, 12.03.1985").
  Appointments ("Termin am 12.03.2025") are not birth dates: no birth word, and the year is too
  recent for an adult client.
- A name with a street address: "Frau"/"Herr"/"Kunde"/… and a name, then within a few words a
  street with a house number ("Herr Max Mustermann, Hauptstraße 5", "Frau Yılmaz wohnt in der
  Goethestr. 12a", "Kunde Peter Müller, Am Markt 3, 58332 Schwelm"). An address without a person
  ("Jobcenter EN, Hauptstraße 5") or a person without an address does not warn.
- Phone numbers: German numbers starting with 0 or +49 / 0049 and at least seven digits.
- E-mail addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CUSTOMER_NUMBER = "customer_number"
BG_NUMBER = "bg_number"
PENSION_NUMBER = "pension_number"
TAX_ID = "tax_id"
IBAN = "iban"
BIRTH_DATE = "birth_date"
ADDRESS = "address"
PHONE = "phone"
EMAIL = "email"

LABELS = {
    CUSTOMER_NUMBER: _("Customer number (Kundennummer)"),
    BG_NUMBER: _("Number of a Bedarfsgemeinschaft (BG-Nummer)"),
    PENSION_NUMBER: _("Pension insurance number"),
    TAX_ID: _("Tax identification number (Steuer-ID)"),
    IBAN: _("Bank account (IBAN)"),
    BIRTH_DATE: _("Date of birth next to a name"),
    ADDRESS: _("Name with a street address"),
    PHONE: _("Phone number"),
    EMAIL: _("E-mail address"),
}
HINTS = {
    ADDRESS: _(
        "If this is the address of an institution, e.g. the Beratungsstelle where the person "
        "works, you may confirm below."
    ),
    PHONE: _(
        "If this is the number of an institution, e.g. a Beratungsstelle, you may confirm below."
    ),
    EMAIL: _("If this is the address of an institution or a team mailbox, you may confirm below."),
}
# The order of the warning, and of the kinds recorded when an author confirms anyway.
KINDS = list(LABELS)
# Kinds that identify a client on their own; the others may well belong to institutions.
ALWAYS_PERSONAL = (CUSTOMER_NUMBER, BG_NUMBER, PENSION_NUMBER, TAX_ID, IBAN, BIRTH_DATE)

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

_TAX_ID_RE = re.compile(
    r"(?<![\w.,/+-])(?<!\d\s)(?:[1-9]\d{10}|[1-9]\d [0-9]{3} [0-9]{3} [0-9]{3})(?![\w]|[.,/-]\d)"
)

# Capital letters of the Latin alphabets (Müller, Yılmaz, Şahin, Łukasz, Ćorić …).
_UPPER = "[{}]".format(
    "".join(re.escape(char) for char in map(chr, range(0x41, 0x250)) if char.isupper())
)
_SALUTATION = (
    r"\b(?:Frau|Herrn?|Hr\.|Fr\.|Kundin|Kunden?|Klientin|Klienten?|Teilnehmerin|Teilnehmer|"
    r"Leistungsberechtigter?|Antragstellerin|Antragsteller)"
)
_NAME = (
    rf"(?:(?:Dr|Prof|Dipl)\.\s*)*{_UPPER}(?:[\w'’\-]+|\.)"
    rf"(?:\s+{_UPPER}(?:[\w'’\-]+|\.)){{0,2}}"
)
# Between name and street: a comma or bracket, and up to four words ("wohnt in der").
_NAME_TO_STREET = r"(?:\s*[,(]\s*|\s+)(?:[^\W\d_][\w\-]*\s+){0,4}?"
_STREET_ENDINGS = r"(?i:stra(?:ß|ss)e|str\.?|weg|platz|allee|gasse|ring|damm|ufer|chaussee|pfad)"
_STREET_WORDS = r"(?:Stra(?:ß|ss)e|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee)"
_STREET = (
    rf"(?P<street>{_UPPER}[\w\-]*{_STREET_ENDINGS}"
    rf"|{_UPPER}[\w\-]*\s+{_STREET_WORDS}"
    rf"|(?:Am|An\s+der|An\s+den|Auf\s+der|Auf\s+dem)\s+{_UPPER}[\w\-]+)"
)
_HOUSE_NUMBER = (
    r"\s{0,2}\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:\s?[-–/]\s?\d{1,4}(?:[a-zA-Z](?![\w]))?)?"
    # What may follow a house number: the end, punctuation, a postcode or a linking word; "Platz
    # 3 Tage" and "Am Montag 3 Termine" are no addresses.
    r"(?=\s*(?:$|[,;:)!?\n]|\.(?!\d)|\d{5}\b)|\s+(?:in|im|bei|und|seit|ab|wohnhaft)\b)"
)
_POSTCODE_TOWN = rf"(?:\s*,?\s*\d{{5}}\s+{_UPPER}[\w\-]+)?"
_ADDRESS_RE = re.compile(
    rf"{_SALUTATION}\s+{_NAME}{_NAME_TO_STREET}{_STREET}{_HOUSE_NUMBER}{_POSTCODE_TOWN}"
)
# Words of the right ending that are no streets, and days and times after "Am".
_NOT_STREETS = (
    "arbeitsplatz",
    "ausbildungsplatz",
    "praktikumsplatz",
    "kitaplatz",
    "kita-platz",
    "betreuungsplatz",
    "studienplatz",
    "schulplatz",
    "parkplatz",
    "sitzplatz",
    "förderweg",
    "bildungsweg",
    "rechtsweg",
    "dienstweg",
    "lösungsweg",
    "zugangsweg",
    "lebensweg",
)
_NOT_AFTER_AM = re.compile(
    r"(?:Am|An|Auf)\s+(?:der\s+|den\s+|dem\s+)?(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
    r"Samstag|Sonntag|Wochenende|Anfang|Ende|Morgen|Abend|Vormittag|Nachmittag|Tag|Termin)\b"
)

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


def tax_id_is_valid(value: str) -> bool:
    """§ 139b AO: eleven digits, the first not 0, the last an ISO 7064 MOD 11,10 check digit."""
    digits = re.sub(r"\s", "", value)
    if not re.fullmatch(r"[1-9]\d{10}", digits):
        return False
    product = 10
    for digit in digits[:10]:
        total = (int(digit) + product) % 10 or 10
        product = (total * 2) % 11
    return (11 - product) % 10 == int(digits[10])


def _addresses(text: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for match in _ADDRESS_RE.finditer(text):
        street = match.group("street")
        if street.casefold().endswith(_NOT_STREETS) or _NOT_AFTER_AM.match(street):
            continue
        found.append((match.group(0), match.span()))
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
        for match in _TAX_ID_RE.finditer(text):
            if tax_id_is_valid(match.group(0)):
                add(TAX_ID, match.group(0))
                taken.append(match.span())
        for value, span in _ibans(text):
            add(IBAN, value)
            taken.append(span)
        for value in _birth_dates(text):
            add(BIRTH_DATE, value)
        for value, span in _addresses(text):
            add(ADDRESS, value)
            taken.append(span)
        for match in _EMAIL_RE.finditer(text):
            add(EMAIL, match.group(0))
            taken.append(match.span())
        for value in _phones(text, taken):
            add(PHONE, value)
    return sorted(findings, key=lambda finding: KINDS.index(finding.kind))


def known_kinds(kinds: Iterable[str]) -> list[str]:
    """``kinds`` without unknown or repeated ones, in the order of the warning."""
    wanted = set(kinds)
    return [kind for kind in KINDS if kind in wanted]


def kind_labels(kinds: Iterable[str]) -> list[str]:
    return [str(LABELS[kind]) for kind in known_kinds(kinds)]


class PersonalDataGuardForm(forms.Form):
    """A form whose texts pass the guard before anything is saved.

    When the guard finds something and the author has not confirmed, the form is invalid and
    ``personal_data_findings`` lists what was found; the template then shows the warning and
    the confirmation. When the author confirms, ``personal_data_overridden`` names the kinds
    that were found, for the record (never the data itself). ``guard=False`` (for previews)
    skips the check. Subclasses name their texts in ``guarded_fields`` or ``guarded_texts``.
    """

    guarded_fields: Sequence[str] = ()
    personal_data_confirm_label = _(
        "I have checked my text: it contains no personal data of clients, or only data of "
        "institutions (e.g. the phone number of a Beratungsstelle)."
    )
    personal_data_error = _(
        "Your text may contain personal data of clients (Sozialdaten). Please remove it, or "
        "confirm below that it is harmless."
    )
    personal_data_intro = _(
        "Social data of clients must not appear here (Sozialdatenschutz, § 35 SGB I). We found:"
    )
    personal_data_advice = _(
        "Please remove or anonymise it, e.g. “Frau M.” instead of the name and no numbers. If it "
        "is harmless, confirm that and send again."
    )

    def __init__(self, *args, guard: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_data_confirmed"] = forms.BooleanField(
            label=self.personal_data_confirm_label, required=False
        )
        self.guard = guard
        self.personal_data_findings: list[Finding] = []
        self.personal_data_overridden: list[str] = []

    def guarded_texts(self) -> list[str]:
        return [self.cleaned_data.get(name) or "" for name in self.guarded_fields]

    def clean(self):
        cleaned_data = super().clean()
        if not self.guard:
            return cleaned_data
        findings = scan(*self.guarded_texts())
        if findings and cleaned_data.get("personal_data_confirmed"):
            self.personal_data_overridden = known_kinds(finding.kind for finding in findings)
        elif findings:
            self.personal_data_findings = findings
            raise forms.ValidationError(self.personal_data_error, code="personal_data")
        return cleaned_data

    @property
    def show_personal_data_confirmation(self) -> bool:
        return bool(self.personal_data_findings) or bool(
            self.is_bound and self.data.get(self.add_prefix("personal_data_confirmed"))
        )


def page_comment_personal_data_override(*, page, user, kinds: Sequence[str]):
    """Leave a comment on ``page``'s title for the Redaktion: its author confirmed a warning.

    The comment (in the editor's comment panel and the page history) names the kinds of data
    the guard found, not the data; the reviewers check the text before publishing.
    """
    from wagtail.log_actions import log
    from wagtail.models import Comment

    with translation.override(settings.LANGUAGE_CODE):
        text = gettext(
            "Submitted despite the data-protection warning. The text may contain personal data "
            "of clients: %(kinds)s. Please check it before publishing and remove such data."
        ) % {"kinds": ", ".join(kind_labels(kinds))}
    revision = page.latest_revision
    comment = Comment(
        page=page, user=user, text=text, contentpath="title", revision_created=revision
    )
    comment.save()
    log(
        instance=page,
        action="wagtail.comments.create",
        revision=revision,
        user=user,
        data={"comment": {"id": comment.pk, "contentpath": comment.contentpath, "text": text}},
    )
    return comment
