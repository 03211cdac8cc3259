# The long date of Unicode CLDR, "5 tháng 10, 2026": Django's "Ngày 05 tháng 10 năm 2026"
# begins with a capital and a zero, which reads wrong inside a sentence or a list.
DATE_FORMAT = r"j \t\há\n\g n, Y"
MONTH_DAY_FORMAT = r"j \t\há\n\g n"
WEEKDAY_DATE_FORMAT = r"l, j \t\há\n\g n, Y"
