"""
The private-collection state of the visibility matrix (issue 23): images and documents in a
private collection, or below one, are not listed or shown by the API. Wagtail's own endpoints
exclude them (`get_restricted_collection_ids`); these tests keep the project's endpoints, which
extend Wagtail's, from losing that.
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from citynet.images.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection(db):
    root = Collection.get_first_root_node()
    board = root.add_child(name="Board")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    # Restricted through its parent, with no restriction of its own.
    return board.add_child(name="Board papers")


def titles(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def test_images_in_a_private_collection_are_not_in_the_api(client, private_collection):
    public = ImageFactory(title="Harbour at dawn")
    private = ImageFactory(title="Board retreat", collection=private_collection)

    assert titles(client, "images") == {"Harbour at dawn"}
    assert client.get(f"/api/v2/images/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{public.pk}/").status_code == 200


def test_documents_in_a_private_collection_are_not_in_the_api(client, private_collection):
    documents = get_document_model().objects
    public = documents.create(title="Annual report", file="documents/annual.pdf")
    private = documents.create(
        title="Budget draft", file="documents/budget.pdf", collection=private_collection
    )

    assert titles(client, "documents") == {"Annual report"}
    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{public.pk}/").status_code == 200
