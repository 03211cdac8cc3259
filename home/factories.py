"""Factories for the home page (pages need a `parent`)."""

import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "CityNet"
    introduction = "Cities working together."

    class Meta:
        model = HomePage
