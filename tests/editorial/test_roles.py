import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Locale, Page

from citynet.editorial.roles import APPROVAL_WORKFLOW, COMMUNICATIONS, SECONDEES
from tests import factories


def page_rights(group, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_migrations_create_both_roles_with_admin_access():
    for name in (SECONDEES, COMMUNICATIONS):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
    comms = Group.objects.get(name=COMMUNICATIONS)
    assert set(comms.permissions.values_list("codename", flat=True)) >= {
        "view_calendar",
        "change_person",
        "add_theme",
        "delete_theme",
    }
    secondees = Group.objects.get(name=SECONDEES)
    assert not secondees.permissions.filter(codename__in=["change_person", "change_theme"])


@pytest.mark.django_db
def test_new_sections_get_their_grants_and_workflow(blog_index, program_index, partner_index):
    full = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert page_rights(SECONDEES, blog_index) == {"add_page"}
    assert page_rights(COMMUNICATIONS, blog_index) == full
    assert page_rights(SECONDEES, program_index) == set()
    assert page_rights(COMMUNICATIONS, program_index) == full
    assert page_rights(COMMUNICATIONS, partner_index) == full
    assert blog_index.get_workflow().name == APPROVAL_WORKFLOW
    assert program_index.get_workflow().name == APPROVAL_WORKFLOW
    assert partner_index.get_workflow() is None  # only communications edit partners (0141)


@pytest.mark.django_db
def test_sections_in_another_locale_get_the_same_grants(home_page):
    french = Locale.objects.create(language_code="fr")
    french_home = factories.HomePageFactory(
        parent=Page.get_first_root_node(), locale=french, slug="accueil"
    )
    french_blog = factories.BlogIndexPageFactory(parent=french_home, locale=french)

    assert page_rights(SECONDEES, french_blog) == {"add_page"}
    assert french_blog.get_workflow().name == APPROVAL_WORKFLOW


@pytest.mark.django_db
def test_granting_twice_changes_nothing(blog_index):
    from citynet.editorial.roles import grant_section_access

    before = GroupPagePermission.objects.count()
    grant_section_access(blog_index, "blog.blogindexpage")
    assert GroupPagePermission.objects.count() == before
