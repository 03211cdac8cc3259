"""Factories for programs (pages need a `parent`)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from citynet.core.factories import IndexPageFactory
from programs.models import ProgramIndexPage, ProgramPage, ProgramPartner


class ProgramIndexPageFactory(IndexPageFactory):
    title = "Programs"

    class Meta:
        model = ProgramIndexPage


class ProgramPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    kind = ProgramPage.Kind.WORKSHOP
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(
        lambda program: program.start_date + datetime.timedelta(days=2)
    )
    time_zone = "Asia/Seoul"
    city = "Seoul"
    country = "KR"
    venue = "Seoul City Hall"
    summary = "A hands-on workshop for city officials."

    class Meta:
        model = ProgramPage


class ProgramPartnerFactory(factory.django.DjangoModelFactory):
    role = ProgramPartner.Role.ORGANISER

    class Meta:
        model = ProgramPartner
