# CityNet writes English dates day first ("5 October 2026"), as the network's British-English
# house style does; Django's English default is "Oct. 5, 2026".
DATE_FORMAT = "j F Y"
