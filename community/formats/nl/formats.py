"""Dutch date formats on top of Django's: short dates with lower-case month abbreviations
("2 mrt 2026"; Django's "M" capitalises them). Templates use SHORT_DATE_FORMAT for these."""

SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
