WEEKDAY_DATE_FORMAT = "วันlที่ j F Y"
