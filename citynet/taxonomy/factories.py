"""Factories for themes."""

import factory

from citynet.taxonomy.models import Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    kind = Theme.Kind.CLUSTER

    class Meta:
        model = Theme
