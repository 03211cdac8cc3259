"""
One import run: WordPress posts to articles in a blog section, each post in its own
transaction, keyed by WordPress site and post id so that a second run updates.
"""

import dataclasses
import datetime
import hashlib
from contextlib import nullcontext
from urllib.parse import unquote, urlparse

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, PageViewRestriction

from blog.models import ArticleAuthor, ArticlePage
from citynet.wagtail_internals import content_language_code
from comments.caching import show_comment_changes
from home.models import HomePage, HomePageFeaturedLink

from .autop import wpautop
from .comments import import_comments
from .content import ContentConverter, first_paragraph, rendered, split_more, strip
from .fidelity import kept, of_blocks, of_source, percent
from .maps import People, ThemeMap
from .media import MediaLibrary
from .models import ImportedItem
from .report import Report

# Part of each post's fingerprint: a post converted by an older, lossy converter (before
# wpautop, issue 27) counts as changed, so that the next run brings its whole content across.
CONVERTER_VERSION = 2
IMPORTED_STATUSES = {"publish", "future", "draft", "pending", "private"}
# Statuses whose post had an address readers could follow: those get redirects.
PUBLIC_STATUSES = {"publish", "future", "private"}
NOT_POSTS = {"page": "pages", "nav_menu_item": "menu items"}
IGNORED_TYPES = {"attachment", "revision", "customize_changeset", "custom_css", "oembed_cache"}


class Skip(Exception):
    """A post left out on purpose; the message is the reason in the report."""


class NotFaithful(Exception):
    """--strict: the import would lose some of the post's words or links."""


class Importer:
    def __init__(self, export, section, options, out=None):
        self.export = export
        self.section = section
        self.locale = section.locale
        self.options = options
        self.dry_run = options.get("dry_run", False)
        self.out = out or (lambda line: None)
        self.report = Report()
        self.themes = ThemeMap(options.get("theme_map"), self.locale)
        self.people = People(export, options.get("author_map"), self.locale, self.report)
        self.media = MediaLibrary(export, options.get("media"), self.report, self.dry_run)
        self.records = {
            record.wp_id: record
            for record in ImportedItem.objects.filter(site=export.site_key, kind="post")
        }
        self.reusable = {
            item.post_id: item.content for item in export.items if item.post_type == "wp_block"
        }
        self.translation_keys = {}
        self.sticky = []
        self.commented_pages = []  # pages with new approved comments
        self.comments_done = None  # (page, counts) of the post being imported

    def run(self):
        self.count_not_imported()
        posts = [item for item in self.export.items if item.post_type == "post"]
        # A dry run does all the work in one transaction, then takes it all back. A real run
        # commits post by post: a long import must not hold the database's write lock.
        with transaction.atomic() if self.dry_run else nullcontext():
            for number, item in enumerate(posts, 1):
                outcome = self.import_one(item)
                self.out(f"[{number}/{len(posts)}] {outcome}: {strip(item.title) or item.post_id}")
            self.feature_sticky_posts()
            if self.dry_run:
                transaction.set_rollback(True)
        if self.commented_pages and not self.dry_run:
            show_comment_changes(self.commented_pages)  # once, not once per comment
        return self.report

    def count_not_imported(self):
        for item in self.export.items:
            if item.post_type == "post" or item.post_type in IGNORED_TYPES:
                continue
            what = NOT_POSTS.get(item.post_type, f"custom posts ({item.post_type})")
            self.report.not_imported[what] += 1
            if item.comments:
                self.report.not_imported[f"comments on {what}"] += len(item.comments)

    def import_one(self, item):
        self.comments_done = None
        try:
            with transaction.atomic():
                outcome = self.import_post(item)
        except Skip as reason:
            self.report.skipped[str(reason)] += 1
            if item.comments:
                self.report.not_imported["comments on skipped posts"] += len(item.comments)
            return f"skipped ({reason})"
        except Exception as error:  # one bad post must not stop the others
            self.report.failures.append((item.post_id, f"{type(error).__name__}: {error}"))
            # The rollback took the people and photos first made for this post with it.
            self.people.forget()
            self.media.forget()
            return "FAILED"
        self.report.count("articles", outcome)
        if self.comments_done:  # counted only now: a failed post's comments were rolled back
            page, counts = self.comments_done
            self.report.comments.update(counts)
            self.commented_pages += [page] if counts["approved"] else []
        return outcome

    def import_post(self, item):
        if item.status not in IMPORTED_STATUSES:
            raise Skip(f"status {item.status}")
        # Comments come across on their own: a new comment in WordPress is no new revision.
        content = dataclasses.replace(item, comments=[])
        fingerprint = hashlib.sha256(repr((content, self.options_key())).encode()).hexdigest()
        record = self.records.get(str(item.post_id))
        page = ArticlePage.objects.filter(pk=record.object_id).first() if record else None
        locale, parent = self.target(item)
        if page is not None:
            self.remember_translation(item, page)
            if record.fingerprint == fingerprint:
                self.import_comments(item, page)  # comments written since the last run
                self.sticky += [page] if item.sticky else []
                return "unchanged"
        outcome = "updated" if page else "created"
        page = self.save_page(item, page, locale, parent)
        ImportedItem.objects.update_or_create(
            site=self.export.site_key,
            kind="post",
            wp_id=str(item.post_id),
            defaults={"object_id": page.pk, "fingerprint": fingerprint},
        )
        self.add_redirects(item, page)
        self.import_comments(item, page)
        self.sticky += [page] if item.sticky else []
        return outcome

    def import_comments(self, item, page):
        self.comments_done = (page, import_comments(page, item.comments, self.export.site_key))

    def options_key(self):
        return (
            self.section.pk,
            self.options.get("theme_map"),
            self.options.get("author_map"),
            CONVERTER_VERSION,
        )

    def target(self, item):
        """The locale and blog section a post goes to: its language's, else the chosen one."""
        languages = item.terms_in("language")
        if not languages:
            return self.locale, self.section
        code = languages[0][0]
        try:
            locale = Locale.objects.get(language_code=content_language_code(code))
        except (LookupError, Locale.DoesNotExist):
            raise Skip(f"language {code} not set up here") from None
        parent = self.section.get_translation_or_none(locale)
        if parent is None:
            raise Skip(f"no blog section in language {code}")
        return locale, parent

    def remember_translation(self, item, page):
        for group, _name in item.terms_in("post_translations"):
            self.translation_keys.setdefault(group, page.translation_key)

    def save_page(self, item, page, locale, parent):
        warn = lambda kind, detail: self.report.warn(item.post_id, kind, detail)  # noqa: E731
        converter = ContentConverter(
            self.media,
            warn,
            self.media.children.get(item.post_id, []),
            reusable=self.reusable,
            footnotes=item.meta.get("footnotes", ""),
        )
        blocks = converter.convert(item.content)
        self.measure(item, blocks)
        themes, tags = self.themes.split(item.terms_in("category"), self.report)
        tags += [name for _nicename, name in item.terms_in("post_tag")]
        title = strip(item.title)
        if not title:
            title = f"Untitled post {item.post_id}"
            warn("untitled post", title)
        is_new = page is None
        if is_new:
            page = ArticlePage(locale=locale, live=False)
            for group, _name in item.terms_in("post_translations"):
                if group in self.translation_keys:
                    page.translation_key = self.translation_keys[group]
        page.title = title[:255]
        page.slug = self.free_slug(parent, page, item, title)
        page.standfirst = self.standfirst(item, blocks)
        page.date_published = (item.post_date or self.published_at(item)).date()
        page.hero_image = self.hero_image(item)
        page.body = StreamValue(page.body.stream_block, blocks, is_lazy=True)
        page.themes = themes
        page.authors = [ArticleAuthor(person=self.people.person_for(item.creator))]
        page.owner = self.people.user_for(item.creator) or page.owner
        page.go_live_at = self.published_at(item) if item.status == "future" else None
        if is_new:
            parent.add_child(instance=page)
        page.tags.set([name[:100] for name in dict.fromkeys(tags)])
        page.save()
        self.remember_translation(item, page)
        self.restrict(item, page)
        self.publish(item, page)
        return page

    def measure(self, item, blocks):
        """How much of what WordPress showed the blocks keep; --strict refuses any loss."""
        counts = kept(of_source(rendered(item.content, self.reusable)), of_blocks(blocks))
        self.report.measure(item.post_id, strip(item.title), counts)
        lost = [
            f"{kind} {percent(*counts[kind])}"
            for kind in ("text", "links")
            if counts[kind][0] < counts[kind][1]
        ]
        if lost and self.options.get("strict"):
            raise NotFaithful("would keep only " + ", ".join(lost) + " (--strict)")

    def free_slug(self, parent, page, item, title):
        base = (
            unquote(item.post_name) or slugify(title, allow_unicode=True) or f"post-{item.post_id}"
        )
        base = slugify(base, allow_unicode=True)[:200] or f"post-{item.post_id}"
        siblings = parent.get_children().exclude(pk=page.pk)
        slug, n = base, 1
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def standfirst(self, item, blocks):
        """The excerpt, else the teaser before <!--more-->, else the first paragraph."""
        text = strip(item.excerpt) or first_paragraph(wpautop(split_more(item.content)))
        if not text:
            first = next((b["value"] for b in blocks if b["type"] == "paragraph"), "")
            text = first_paragraph(first)
            if len(text) > 300:
                text = text[:300].rsplit(" ", 1)[0] + "…"
        return text or strip(item.title) or "—"

    def published_at(self, item):
        """The moment of publication: WordPress's GMT date, else its local date here."""
        if item.post_date_gmt:
            return item.post_date_gmt.replace(tzinfo=datetime.UTC)
        if item.post_date:
            return timezone.make_aware(item.post_date, timezone.get_default_timezone())
        return timezone.now()

    def hero_image(self, item):
        thumbnail = item.meta.get("_thumbnail_id", "")
        if not thumbnail.isdigit():
            return None
        try:
            return self.media.by_id(int(thumbnail))
        except KeyError:
            self.report.warn(item.post_id, "external image not imported", f"hero {thumbnail}")
            return None

    def restrict(self, item, page):
        restrictions = PageViewRestriction.objects.filter(page=page)
        if item.password:
            kind, password = PageViewRestriction.PASSWORD, item.password
        elif item.status == "private":
            kind, password = PageViewRestriction.LOGIN, ""
        else:
            restrictions.delete()
            return
        restrictions.exclude(restriction_type=kind).delete()
        PageViewRestriction.objects.update_or_create(
            page=page, defaults={"restriction_type": kind, "password": password}
        )

    def publish(self, item, page):
        revision = page.save_revision(user=page.owner, log_action=True)
        if item.status in ("draft", "pending"):
            if page.live:
                page.unpublish()
            return
        # The author's account may not publish: the importer does, on the command line.
        revision.publish(user=page.owner, skip_permission_checks=True)
        if item.status != "future" or page.go_live_at <= timezone.now():
            at = self.published_at(item)
            type(page).objects.filter(pk=page.pk).update(
                first_published_at=at, last_published_at=at
            )

    def add_redirects(self, item, page):
        if item.status not in PUBLIC_STATUSES:
            return
        site = page.get_site()
        paths = [f"/?p={item.post_id}"]
        permalink = urlparse(item.link)
        if permalink.path.strip("/") and not permalink.query:
            paths.append(unquote(permalink.path))
        for path in paths:
            _redirect, created = Redirect.objects.update_or_create(
                site=site,
                old_path=Redirect.normalise_path(path),
                defaults={"redirect_page": page, "is_permanent": True},
            )
            self.report.count("redirects", "created" if created else "kept")

    def feature_sticky_posts(self):
        """Sticky posts join the featured pages of their home page, in one new revision."""
        homes = {}
        for page in self.sticky:
            home = page.get_parent().get_parent().specific
            if isinstance(home, HomePage):
                homes.setdefault(home.pk, (home, []))[1].append(page)
        for home, pages in homes.values():
            with transaction.atomic():
                self.feature_on(home, pages)

    def feature_on(self, home, pages):
        publish = home.live and not home.has_unpublished_changes
        draft = home.get_latest_revision_as_object()
        featured = {link.page_id for link in draft.featured_links.all()}
        new = [page for page in pages if page.pk not in featured]
        if not new:
            return
        for page in new:
            draft.featured_links.add(HomePageFeaturedLink(page=page))
            self.report.count("featured", "added to the home page")
        revision = draft.save_revision(log_action=True)
        if publish:  # else the links wait in the editor's draft
            revision.publish()
