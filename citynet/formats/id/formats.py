# The month in full, "5 Oktober 2026", as Unicode CLDR and Indonesian publications write it;
# Django's "j N Y" abbreviates it.
DATE_FORMAT = "j F Y"
WEEKDAY_DATE_FORMAT = "l, j F Y"
