"""Build the admin's page edit form data the way a browser would post it."""

from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)


def edit_form_data(client, page, **changes):
    """The edit form of `page` as loaded by `client`'s user, with `changes` applied."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    body = streamfield([("paragraph", rich_text("<p>Cities compared their notes.</p>"))])
    data.update(nested_form_data({"body": body}))
    for name, value in changes.items():
        data[name] = value
    return data
