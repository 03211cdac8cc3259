import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from programs.models import ProgramPartner
from tests import factories


def days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


@pytest.fixture
def organiser(partner_index):
    return factories.PartnerPageFactory(
        parent=partner_index, title="UN-Habitat", acronym="UNH", contact_email="info@unh.example"
    )


@pytest.fixture
def make_program(program_index, organiser):
    """A live event program organised by `organiser`, with these fields."""

    def make(**fields):
        fields.setdefault("start_date", days(10))
        fields.setdefault("end_date", fields["start_date"] + datetime.timedelta(days=2))
        program = factories.ProgramPageFactory(parent=fields.pop("parent", program_index), **fields)
        factories.ProgramPartnerFactory(
            program=program, partner=organiser, role=ProgramPartner.Role.ORGANISER
        )
        return program

    return make


def publish_translation(page, language_code, **changes):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def korean_program_index(home_page, program_index):
    publish_translation(home_page, "ko")
    return publish_translation(program_index, "ko", title="프로그램")
