# Unicode CLDR's "3月4日": Django's "03月4日" pads the month.
MONTH_DAY_FORMAT = "n月j日"
WEEKDAY_DATE_FORMAT = "Y年n月j日 l"
