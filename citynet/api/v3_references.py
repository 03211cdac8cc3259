"""
What a v3 write may refer to (decision 0275). A page written through v3 names images, people,
themes and pages by id; each id must exist, or the write is a 422 problem document naming the
field, and nothing changes:

- A foreign key (the article's hero image, an author's person) is written under the name it is
  read by (`hero_image`, `person`) as well as under Wagtail's documented `hero_image_id` /
  `person_id`. Wagtail 8.0.1 accepts only the `_id` name and silently ignores the other, so a
  client writing back what it read got a 200 and no change.
- A StreamField's chooser blocks (images in `image` and `gallery` blocks): Wagtail turns an id
  that does not exist into an empty chooser, and a draft keeps the empty block without a word.

Many-to-many fields (themes) are refused by Wagtail's own form already.
"""

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import ForeignKey
from pydantic import AfterValidator, AliasChoices
from pydantic.fields import FieldInfo
from wagtail import blocks
from wagtail.fields import StreamField

from citynet.wagtail_internals import chosen_model, describe_v3_input_as


def foreign_key_by_either_name(generator, field, wagtails):
    """Wagtail's schema of a foreign key, also accepting the name the field is read by."""
    annotation, info = wagtails(generator, field)
    if isinstance(info, FieldInfo) and field.attname != field.name:
        either = AliasChoices(field.attname, field.name)
        info = FieldInfo.merge_field_infos(info, validation_alias=either)
    return annotation, info


def chooser_references(block, value, path):
    """(path, model, id) for every chooser block's id in `value`, a block's API input."""
    if isinstance(block, blocks.BaseStreamBlock) and isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                yield from chooser_references(child, item.get("value"), f"{path}[{index}].value")
    elif isinstance(block, blocks.ListBlock) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from chooser_references(block.child_block, item, f"{path}[{index}]")
    elif isinstance(block, blocks.BaseStructBlock) and isinstance(value, dict):
        for name, child in block.child_blocks.items():
            yield from chooser_references(child, value.get(name), f"{path}.{name}")
    elif (model := chosen_model(block)) and value not in (None, ""):
        yield path, model, value


def missing_references(block, value, field_name):
    """Messages for the ids in `value` that name nothing: one query per model referred to."""
    wanted = {}
    problems = []
    for path, model, raw in chooser_references(block, value, field_name):
        try:
            pk = model._meta.pk.to_python(raw)
        except (ValidationError, TypeError):
            pk = None
        if pk is None or isinstance(raw, bool | dict | list):
            problems.append(f"{path}: {raw!r} is not the id of a {model._meta.verbose_name}")
        else:
            wanted.setdefault(model, []).append((path, pk))
    for model, references in wanted.items():
        existing = set(
            model._default_manager.filter(pk__in={pk for _, pk in references}).values_list(
                "pk", flat=True
            )
        )
        problems += [
            f"{path}: there is no {model._meta.verbose_name} with id {pk}"
            for path, pk in references
            if pk not in existing
        ]
    return problems


def stream_with_existing_choices(generator, field, wagtails):
    """Wagtail's schema of a StreamField, refusing a chooser id that names nothing."""
    annotation, default = wagtails(generator, field)

    def check(value: Any) -> Any:
        problems = missing_references(field.stream_block, value, field.name)
        if problems:
            raise ValueError("; ".join(problems))
        return value

    return Annotated[annotation, AfterValidator(check)], default


def install():
    """Set on Wagtail's v3 input schema generators, before their first schema is built."""
    describe_v3_input_as(ForeignKey, foreign_key_by_either_name)
    describe_v3_input_as(StreamField, stream_with_existing_choices)
