"""WordPress attachments to Wagtail images, from a local copy of `wp-content/uploads`."""

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.files import File
from django.db import transaction

from citynet.images.models import CustomImage

from .content import strip
from .models import ImportedItem

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}
# Resized copies: photo-300x200.jpg is photo.jpg.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[a-z0-9]+$)", re.IGNORECASE)
# A credit written into a caption: "Harbour at dawn. Photo: Jane Doe".
CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.*?)[\s.,;–—-]*\(?(?P<credit>(?:Photo|Credit|Image)s?:\s*[^)]+|©\s*[^)]+)\)?\s*$",
    re.IGNORECASE | re.DOTALL,
)
# The credit WordPress read from the photo's IPTC data, inside the PHP-serialised metadata.
META_CREDIT = re.compile(r's:6:"credit";s:\d+:"([^"]*)"')


def url_key(url):
    """An attachment's address without scheme, host, size suffix or query, for matching."""
    path = unquote(urlparse(url).path)
    return SIZE_SUFFIX.sub("", path).lower()


def split_credit(caption, metadata=""):
    """(caption, credit): the IPTC credit if there is one, else one written into the caption."""
    found = META_CREDIT.search(metadata or "")
    if found and found.group(1).strip():
        return caption, found.group(1).strip()
    match = CAPTION_CREDIT.match(caption)
    if match and match.group("caption").strip():
        return match.group("caption").strip(), match.group("credit").strip()
    return caption, ""


class MediaLibrary:
    """
    The export's image attachments, imported on first use. `by_id` and `by_url` return the
    image, None when its file is not in the media folder (reported once), or raise KeyError
    when the export has no such attachment.
    """

    def __init__(self, export, media_dir, report, dry_run=False):
        self.site = export.site_key
        self.media_dir = Path(media_dir) if media_dir else None
        self.report = report
        self.dry_run = dry_run
        self.attachments = {
            item.post_id: item
            for item in export.items
            if item.post_type == "attachment"
            and Path(urlparse(item.attachment_url).path).suffix.lower() in IMAGE_SUFFIXES
        }
        self.by_key = {url_key(item.attachment_url): i for i, item in self.attachments.items()}
        self.children = {}
        for item in self.attachments.values():
            self.children.setdefault(item.parent, []).append(item.post_id)
        self.forget()

    def forget(self):
        """Read again which photos exist, after a rollback."""
        self.cache = {}
        self.known = {
            int(record.wp_id): record.object_id
            for record in ImportedItem.objects.filter(site=self.site, kind="attachment")
        }

    def by_url(self, url):
        return self.by_id(self.by_key[url_key(url)])

    def by_id(self, attachment_id):
        if attachment_id not in self.attachments:
            raise KeyError(attachment_id)
        if attachment_id not in self.cache:
            self.cache[attachment_id] = self.load(self.attachments[attachment_id])
        return self.cache[attachment_id]

    def load(self, item):
        if item.post_id in self.known:
            image = CustomImage.objects.filter(pk=self.known[item.post_id]).first()
            if image:
                return image
        path = self.find_file(item)
        if path is None:
            self.report.missing_media.append(item.attachment_url)
            return None
        caption, credit = split_credit(
            strip(item.excerpt), item.meta.get("_wp_attachment_metadata", "")
        )
        image = CustomImage(
            title=(strip(item.title) or path.stem)[:255],
            description=item.meta.get("_wp_attachment_image_alt", "")[:255],
            caption=caption[:255],
            credit=credit[:255],
        )
        self.report.count("images", "created")
        if self.dry_run:  # nothing is written, not even a file: the post shows no photo
            return None
        # Its own transaction: a post that fails later must not lose the photo with it.
        with transaction.atomic(), path.open("rb") as source:
            image.file = File(source, name=path.name)
            image.save()
            ImportedItem.objects.update_or_create(
                site=self.site,
                kind="attachment",
                wp_id=str(item.post_id),
                defaults={"object_id": image.pk},
            )
        return image

    def find_file(self, item):
        if not self.media_dir:
            return None
        relative = item.meta.get("_wp_attached_file") or ""
        candidates = [relative] if relative else []
        path = unquote(urlparse(item.attachment_url).path)
        if "/uploads/" in path:
            candidates.append(path.split("/uploads/", 1)[1])
        candidates.append(path.lstrip("/"))
        root = self.media_dir.resolve()
        for candidate in candidates:
            file = (root / candidate).resolve()
            # Never outside the media folder, whatever the export says.
            if file.is_relative_to(root) and file.is_file():
                return file
        return None
