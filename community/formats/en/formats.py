"""English short dates to match the Dutch ones ("2 Mar 2026")."""

SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
