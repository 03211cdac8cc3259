"""Demo images drawn with Pillow, so that loading the demo downloads nothing."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Collection

from citynet.images.factories import ImageFactory
from citynet.images.models import CustomImage

CREDIT = "Illustration: CityNet demo image"


def _skyline(seed, size, sky, ground):
    """A city skyline at dusk: a sky gradient, buildings with lit windows, a street."""
    width, height = size
    rng = random.Random(seed)
    picture = Image.new("RGB", size, sky[0])
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        colour = tuple(int(a + (b - a) * mix) for a, b in zip(sky[0], sky[1], strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    x = 0
    while x < width:
        building_width = rng.randint(width // 20, width // 8)
        top = rng.randint(height // 5, height * 2 // 3)
        draw.rectangle([x, top, x + building_width, height], fill=ground)
        for window_y in range(top + 12, height - 40, 22):
            for window_x in range(x + 8, x + building_width - 10, 18):
                if rng.random() < 0.45:
                    draw.rectangle(
                        [window_x, window_y, window_x + 8, window_y + 10], fill="#f6d36b"
                    )
        x += building_width + rng.randint(2, 12)
    draw.rectangle([0, height - 30, width, height], fill="#2b2b2b")
    return picture


def _portrait(seed, size, background):
    """A head-and-shoulders silhouette on a plain background."""
    width, height = size
    rng = random.Random(seed)
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    skin = rng.choice(["#f1c9a5", "#d8a47f", "#b07a55", "#8d5a3b"])
    draw.ellipse([width * 0.2, height * 0.62, width * 0.8, height * 1.3], fill="#34495e")
    draw.ellipse([width * 0.32, height * 0.18, width * 0.68, height * 0.62], fill=skin)
    return picture


def _logo(text, size, background):
    """A disc with the first letter, beside the organisation's acronym in its colour."""
    width, height = size
    picture = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(picture)
    draw.ellipse([8, 8, height - 8, height - 8], fill=background)
    draw.text(
        (height // 2, height // 2),
        text[0],
        fill="#ffffff",
        font=ImageFont.load_default(size=height // 2),
        anchor="mm",
    )
    room = width - height - 24
    font_size = height // 2
    while ImageFont.load_default(size=font_size).getlength(text) > room:
        font_size -= 4
    font = ImageFont.load_default(size=font_size)
    draw.text((height + 16, height // 2), text, fill=background, font=font, anchor="lm")
    return picture


DRAWINGS = {"skyline": _skyline, "portrait": _portrait, "logo": _logo}


def get_or_create_image(title, drawing, log, *, alt, caption="", credit=CREDIT, **options):
    """The image with this title, drawn and saved if it does not exist yet."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    picture = DRAWINGS[drawing](**options)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    image = ImageFactory(
        title=title,
        file=ImageFile(buffer, name=f"demo-{slug}.jpg"),
        description=alt,
        caption=caption,
        credit=credit,
        # The root collection, where the admin puts images, not a new one of the factory's.
        collection=Collection.get_first_root_node(),
    )
    log(f"Drew image: {title}")
    return image


# Title: (caption, the sky as the alt text names it, colour at the top of the sky, buildings).
# Captions say what the drawing stands for; alt texts say what it shows.
SKYLINES = {
    "Colombo congress": (
        "Colombo hosted the 2017 CityNet Congress",
        "an orange sunset sky",
        (244, 162, 97),
        "#264653",
    ),
    "Kuala Lumpur forum": (
        "Kuala Lumpur hosted WUF9",
        "a red evening sky",
        (231, 111, 81),
        "#1d3557",
    ),
    "Water workshop": (
        "Seoul, where the water workshop met",
        "a pale blue sky",
        (142, 202, 230),
        "#023047",
    ),
    "Climate workshop": (
        "Coastal cities face rising seas",
        "a yellow afternoon sky",
        (255, 183, 3),
        "#3d405b",
    ),
    "Street lighting": (
        "Streets lit at night",
        "a dark night sky",
        (20, 33, 61),
        "#000000",
    ),
    "Mayors forum": (
        "Mayors meet in the evening",
        "a lilac evening sky",
        (205, 180, 219),
        "#22223b",
    ),
    "Network of cities": (
        "Cities across the Asia-Pacific",
        "a deep blue sky",
        (11, 93, 138),
        "#1b263b",
    ),
}


def skyline_photo(title, log):
    caption, sky_described, sky, ground = SKYLINES[title]
    return get_or_create_image(
        title,
        "skyline",
        log,
        alt=f"Drawing of city towers with lit windows under {sky_described}, above a dark street",
        caption=caption,
        seed=sum(map(ord, title)),
        size=(1600, 900),
        sky=(sky, (250, 240, 220)),
        ground=ground,
    )
