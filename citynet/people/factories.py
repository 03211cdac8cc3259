"""Factories for people."""

import factory

from citynet.people.models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Secondment Staff"
    organisation = "Seoul Metropolitan Government"
    bio = "Works on urban resilience programs across the network."

    class Meta:
        model = Person
