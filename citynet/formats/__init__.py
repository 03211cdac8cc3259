"""
The site's date formats where Django's for a language are not what its readers expect
(decision 0138), and one format of our own that every language defines:

WEEKDAY_DATE_FORMAT, a day with its weekday, as the publication calendar heads each day
("Monday 4 March 2030", "2030년 3월 4일 월요일"). Use it as `|date:"WEEKDAY_DATE_FORMAT"`.
"""
