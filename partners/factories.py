"""Factories for partners (pages need a `parent`)."""

import factory
import wagtail_factories

from citynet.core.factories import IndexPageFactory
from partners.models import PartnerIndexPage, PartnerPage


class PartnerIndexPageFactory(IndexPageFactory):
    title = "Partners"

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
