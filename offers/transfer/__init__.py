"""Import and export of offers: HSDS-style JSON and a CSV table for spreadsheets.

JSON follows the Open Referral Human Services Data Specification (HSDS 3.0) where it fits:
a list of organizations, each with its services. The mapping to the Angebotsdatenbank:

Organization (``Provider``, Träger)
    ``id`` → external_id · ``name`` → name (required) · ``type`` → partner type by name
    (Schuldnerberatung, Bildungsträger, …) · ``description`` · ``website`` · ``email`` ·
    ``phone`` · ``services`` → the provider's offers.

Service (``OfferPage``, Angebot)
    ``id`` → external_id · ``name`` → title (required) · ``short_description`` → teaser ·
    ``description`` → description (plain text, blank lines between paragraphs) ·
    ``topics`` / ``target_groups`` → Handlungsfelder / Zielgruppen by name ·
    ``eligibility_description`` → who can take part · ``minimum_age`` / ``maximum_age``
    (0–120) · ``application_process`` → access („Zuweisung durch das Jobcenter“ /
    „freier Zugang“, or ``zuweisung`` / ``frei``) · ``funding`` → funding routes by name
    (strings, or HSDS objects with ``source``) · ``fees_description`` → costs ·
    ``languages`` and ``accessibility`` by name · ``accessibility_description`` →
    accessibility note · ``capacity`` → places · ``wait_time`` → current waiting time in
    weeks (0–104) · ``schedules`` → ``[{"description": …}]``, the schedule text ·
    ``status``: ``active`` / ``inactive`` / ``defunct`` → aktiv / pausiert / beendet (the
    German values are read too) · ``service_areas`` → Jobcenter districts, by the Jobcenter's
    name (strings or objects with ``name``; unknown Jobcenters are errors, none is created) ·
    ``locations`` → ``[{"name", "address_1", "postal_code", "city", "latitude",
    "longitude"}]``, coordinates inside Germany · ``contacts`` → at most one
    ``{"name", "email", "phone"}``, the contact person · ``assured_date`` / ``assurer`` →
    last confirmed on (YYYY-MM-DD) / by · ``last_modified``: when the offer was last
    published, written by the export and ignored by the import · ``visibility``: ``public``
    or ``staff`` (page privacy for network staff), an extension of HSDS.

CSV (``columns.CSV_COLUMNS``): one row per offer, UTF-8 with byte-order mark, semicolons,
German column headers; the provider's columns repeat on each of its rows. Lists are separated
by `` | ``; a location is ``Name: Straße 1, 12345 Ort (Breite Länge)``, where name, street and
postcode may be left out; dates are DD.MM.YYYY (YYYY-MM-DD is read too); status is aktiv /
pausiert / beendet; visibility öffentlich / intern.

Import (``import_plan`` then ``offers_import``) is all or nothing: the whole file is checked
first and any error aborts it with a German list of every problem, naming the record (JSON:
services counted through the file; CSV: the spreadsheet row) and the offer's title. Providers
are matched by id, else by name; offers by id, else by provider and title. Unchanged offers get
no new revision, so a second run of the same file changes nothing. Imported offers are
published directly: an import is an editor's act.
"""

from .export import offers_export_csv, offers_export_json, offers_export_records
from .plan import ImportPlan, import_plan
from .reading import FORMATS, ImportAborted, ReadFile, TransferError, file_read, format_of
from .writing import ImportResult, offers_import

__all__ = [
    "FORMATS",
    "ImportAborted",
    "ImportPlan",
    "ImportResult",
    "ReadFile",
    "TransferError",
    "file_read",
    "format_of",
    "import_plan",
    "offers_export_csv",
    "offers_export_json",
    "offers_export_records",
    "offers_import",
]
