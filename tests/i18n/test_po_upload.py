"""A PO upload that is no export of wagtail-localize is refused with a message, not a 500."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.i18n.test_translation_rights import (
    korean_article,  # noqa: F401 (a fixture)
    translation_into_korean,
)

PO_WITHOUT_ITS_HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def upload(client, translation, **files):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    editor = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    return client.post(url, {"next": editor, **files}), editor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "files",
    [{}, {"file": SimpleUploadedFile("ko.po", PO_WITHOUT_ITS_HEADER)}],
    ids=["no file", "not an export"],
)
def test_an_upload_that_is_no_export_is_refused_with_a_message(
    client,
    secondee,
    own_article,
    korean_article,  # noqa: F811
    files,
):
    client.force_login(secondee)
    response, editor = upload(client, translation_into_korean(own_article), **files)

    assert response.status_code == 302 and response.url == editor
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == ["Please upload a valid PO file."]
