"""Factories for partners (pages need a `parent`)."""

import factory
import wagtail_factories

from partners.models import PartnerIndexPage, PartnerPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    kind = PartnerPage.Kind.INTERNATIONAL
    country = "KR"
    city = "Seoul"
    website = "https://partner.example.org/"

    class Meta:
        model = PartnerPage
