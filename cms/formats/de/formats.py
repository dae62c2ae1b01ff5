"""German formats with numeric dates: the site shows every date as 22.11.2026 (not "22. November
2026", Django's German default), the way users also type dates into its forms."""

from django.conf.locale.de.formats import *  # noqa: F403

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y H:i"
