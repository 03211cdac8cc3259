# CityNet writes English dates day first ("5 October 2026"), as the network's British-English
# house style does, and times on the 24-hour clock; Django's defaults are "Oct. 5, 2026", "2 p.m.".
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
# Ours, not Django's: the calendar's day headings (citynet/formats/__init__.py).
WEEKDAY_DATE_FORMAT = "l j F Y"
