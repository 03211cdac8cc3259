"""
Finding 7: documents in a private collection stay private on S3-compatible storage. A real S3
API (moto_server) runs on loopback with a private bucket, as production's should be for
`documents/`; the storage settings are production's.
"""

import sys
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories
from tests.live.servers import serve, stop

pytestmark = pytest.mark.django_db

BUCKET = "citynet-media"
CREDENTIALS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture
def s3(tmp_path):
    process, endpoint = serve(
        [Path(sys.executable).with_name("moto_server"), "-H", "127.0.0.1", "-p", "0"],
        tmp_path / "moto.log",
        cwd=tmp_path,
    )
    try:
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
        client.create_bucket(Bucket=BUCKET)
        storage = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                # As citynet/settings/production.py sets them:
                "default_acl": None,
                "querystring_auth": False,
            },
        }
        with override_settings(
            STORAGES={
                "default": storage,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        ):
            yield client
    finally:
        stop(process)


def upload(title, collection):
    return get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(b"%PDF " + title.encode(), "r.pdf")
    )


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return root, private


def test_a_private_document_is_refused_to_anonymous_readers(client, s3, collections):
    document = upload("Board minutes", collections[1])
    assert s3.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read().startswith(b"%PDF")

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/_util/login/")  # not the file nor its S3 URL


def test_a_private_document_is_streamed_by_the_app_to_those_allowed(client, s3, collections):
    document = upload("Board minutes", collections[1])
    client.force_login(factories.UserFactory(is_superuser=True))

    response = client.get(document.url)

    assert response.status_code == 200  # streamed, not redirected to a permanent URL
    assert b"".join(response.streaming_content) == b"%PDF Board minutes"


def test_a_public_document_needs_no_public_bucket(client, s3, collections):
    document = upload("Annual report", collections[0])

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF Annual report"


def test_the_stored_file_has_no_public_url(s3, collections):
    document = upload("Board minutes", collections[1])

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(document.file.url, timeout=10)

    assert refused.value.code == 403
