"""Authors to people (and optionally users), categories to themes: the two map files."""

import json

from django.contrib.auth import get_user_model

from citynet.people.models import Person
from citynet.taxonomy.models import Theme

from .content import strip
from .models import ImportedItem


class MapError(Exception):
    pass


def load_map(path):
    """A JSON object from a map file; None without a file."""
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, ValueError) as error:
        raise MapError(f"cannot read the map file {path}: {error}") from error
    if not isinstance(data, dict):
        raise MapError(f"{path} must hold a JSON object")
    return data


class ThemeMap:
    """
    `{"category-nicename": "theme-slug"}`; a category mapped to null is left out on purpose.
    Categories the map does not name become tags, and the report lists them.
    """

    def __init__(self, data, locale):
        self.data = data or {}
        slugs = {slug for slug in self.data.values() if slug}
        themes = {t.slug: t for t in Theme.objects.filter(locale=locale, slug__in=slugs)}
        if unknown := slugs - set(themes):
            raise MapError("the theme map names themes that do not exist: " + ", ".join(unknown))
        self.themes = themes

    def split(self, categories, report):
        """(themes, tag names) for a post's (nicename, name) categories."""
        themes, tags = [], []
        for nicename, name in categories:
            if nicename not in self.data:
                report.unmapped_categories.add(name)
                tags.append(name)
            elif self.data[nicename]:
                themes.append(self.themes[self.data[nicename]])
        return themes, tags


class People:
    """
    WordPress authors as people, one per login and WordPress site, made on first use.
    The author map may name an existing person (`{"login": {"person": 12}}`) or give the byline
    (`name`, `role`, `organisation`, `bio`), and `"user": true` (or a user name) for an account.
    """

    def __init__(self, export, data, locale, report):
        self.export = export
        self.data = data or {}
        self.locale = locale
        self.report = report
        self.people = {}

    def forget(self):
        self.people = {}

    def person_for(self, login):
        if login not in self.people:
            self.people[login] = self.load(login)
        return self.people[login]

    def load(self, login):
        author = self.export.authors.get(login)
        entry = self.data.get(login) or {}
        if entry.get("person"):
            person = Person.objects.filter(pk=entry["person"]).first()
            if person is None:
                raise MapError(f"the author map names person {entry['person']}, who does not exist")
            return person
        record = ImportedItem.objects.filter(
            site=self.export.site_key, kind="author", wp_id=login
        ).first()
        person = Person.objects.filter(pk=record.object_id).first() if record else None
        names = (author.first_name, author.last_name) if author else ("", "")
        name = (
            entry.get("name")
            or (author and strip(author.display_name))
            or " ".join(n for n in names if n)
            or login
            or "Unknown author"
        )
        if person is None:
            person = Person(locale=self.locale)
            self.report.count("people", "created")
        person.name = name[:255]
        for field in ("role", "organisation", "bio"):
            if field in entry:
                setattr(person, field, entry[field])
        person.save()
        ImportedItem.objects.update_or_create(
            site=self.export.site_key,
            kind="author",
            wp_id=login,
            defaults={"object_id": person.pk},
        )
        return person

    def user_for(self, login):
        """The account for an author whose map entry asks for one; None otherwise."""
        wanted = (self.data.get(login) or {}).get("user")
        if not wanted:
            return None
        username = wanted if isinstance(wanted, str) else login
        author = self.export.authors.get(login)
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": author.email if author else "",
                "first_name": author.first_name[:150] if author else "",
                "last_name": author.last_name[:150] if author else "",
            },
        )
        if created:
            # They choose a password through "forgotten password": none is carried over.
            user.set_unusable_password()
            user.save()
            self.report.count("users", "created")
        return user
