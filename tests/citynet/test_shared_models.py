import pytest
from django.core.exceptions import ValidationError

from citynet.taxonomy.models import Theme
from tests import factories

pytestmark = pytest.mark.django_db


def test_sdg_themes_need_a_number_and_clusters_must_not_have_one():
    with pytest.raises(ValidationError):
        Theme(name="Climate Action", slug="sdg-13", kind=Theme.Kind.SDG).clean()
    with pytest.raises(ValidationError):
        Theme(name="Water", slug="water", kind=Theme.Kind.CLUSTER, sdg_number=6).clean()

    sdg = Theme(name="Climate Action", slug="sdg-13", kind=Theme.Kind.SDG, sdg_number=13)
    sdg.clean()
    assert str(sdg) == "SDG 13: Climate Action"


def test_image_alt_text_defaults_to_the_title():
    described = factories.ImageFactory(title="Colombo", description="Delegates in the hall")
    undescribed = factories.ImageFactory(title="Colombo at dusk", description="")

    assert described.alt_text == "Delegates in the hall"
    assert undescribed.alt_text == "Colombo at dusk"


def test_a_story_knows_its_photos_and_gallery_photos(blog_index):
    photo, first, second = (factories.ImageFactory() for _ in range(3))
    article = factories.ArticlePageFactory(
        parent=blog_index,
        body=[
            factories.paragraph("Text"),
            ("image", {"image": photo, "caption": ""}),
            ("gallery", {"title": "", "images": [{"image": first}, {"image": second}]}),
        ],
    )

    assert article.body.stream_block.get_images(article.body) == [photo, first, second]
