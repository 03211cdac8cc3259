"""
Related pages, resolved once for every surface (decision 0245): an article's programs and
partners, a program's partners, a partner's programs and articles, a home page's featured
pages. The pages' HTML and the API (citynet/api/fields.py, `LinkedPagesField`) load the links
with `public_links` (or `public_links_to_translations`) and resolve them with `resolve_links`;
the API only serialises the result.

The rule: a link counts when the page it names is public (citynet/visibility.py, decision
0073). The reader is shown that page's published translation nearest their language along the
language's fallback chain, or the page itself (decision 0137); when that nearest version is
restricted, the link is left out (decision 0197). Links keep their order, and a page reached by
two links (from two translations of a page) is listed once, where it comes first.
"""

from django.db.models import F, QuerySet

from citynet.i18n.links import nearest_public_translations
from citynet.visibility import PubliclyVisible, publicly_visible

# What a link shows of its page (its title and address, in its language; its type) and what
# dates the response that shows it (citynet/delivery/tags.py reads the last two).
SUMMARY_FIELDS = (
    "title",
    "slug",
    "url_path",
    "locale",
    "content_type",
    "last_published_at",
    "expire_at",
)


def public_links(links, page_attr, select=(), fields=None):
    """
    The links among `links` whose page (their `page_attr` foreign key) the public may see, in
    the editor's order, each with its page, the page's locale and the page's relations named in
    `select` loaded. Given a queryset of links, a queryset (one query; the API prefetches it);
    given a preview's unsaved links, a list (one query). `fields`: the page's fields to load
    besides SUMMARY_FIELDS and `select`, which spares building the SQL of the others (0350);
    None: all of them.
    """
    if isinstance(links, QuerySet):
        related = [f"{page_attr}__{name}" for name in ("locale", *select)]
        links = (
            links.filter(PubliclyVisible(through=page_attr))
            .select_related(page_attr, *related)
            .order_by("sort_order", "pk")
        )
        if fields is not None:
            own = [field.name for field in links.model._meta.concrete_fields]
            shown = [*SUMMARY_FIELDS, *select, *fields]
            links = links.only(*own, *(f"{page_attr}__{name}" for name in shown))
        return links
    model = links.model._meta.get_field(page_attr).related_model
    ids = [getattr(link, f"{page_attr}_id") for link in links]
    pages = publicly_visible(model.objects).select_related("locale", *select).in_bulk(ids)
    found = []
    for link in links:
        page = pages.get(getattr(link, f"{page_attr}_id"))
        if page is not None:
            setattr(link, page_attr, page)
            found.append(link)
    return found


def public_links_to_translations(pages, relation, page_attr, order_by, select=()):
    """
    {translation key: [link]}: for each of `pages`, the public links (as `public_links` loads
    them) of its reverse `relation` (a partner's "program_links") to it or any of its
    translations, ordered by the linking pages' fields `order_by`: one query. Programs and
    articles name a partner in their own language; every translation of the partner lists them.
    """
    reverse = type(pages[0])._meta.get_field(relation)
    target = reverse.field.name  # the link's foreign key to pages like these
    keys = {page.translation_key for page in pages}
    links = reverse.related_model.objects.filter(**{f"{target}__translation_key__in": keys})
    ordering = [
        f"{'-' if name.startswith('-') else ''}{page_attr}__{name.removeprefix('-')}"
        for name in order_by
    ]
    links = public_links(links, page_attr, select).order_by(*ordering, f"{page_attr}_id", "pk")
    found = {key: [] for key in keys}
    for link in links.annotate(target_key=F(f"{target}__translation_key")):
        found[link.target_key].append(link)
    return found


def resolve_links(pages_links, page_attr, select=()):
    """
    For each (links, language code) of `pages_links` (one page's public links and the language
    of its reader), the related pages that reader is shown: [(link, page)] in the links' order,
    each page once. No query when every linked page is in its reader's language already; else
    one per language.
    """
    elsewhere = {}  # language code: {linked page ids in another language}
    for links, language_code in pages_links:
        for link in links:
            page = getattr(link, page_attr)
            if page.locale.language_code != language_code:
                elsewhere.setdefault(language_code, set()).add(page.pk)
                model = type(page)  # the same for every link: the foreign key's model
    nearest = {}  # (language code, linked page id): the version shown
    for language_code, ids in elsewhere.items():
        candidates = model.objects.select_related("locale", *select)
        for linked, shown in nearest_public_translations(candidates, list(ids), language_code):
            nearest[language_code, linked.pk] = shown
    resolved = []
    for links, language_code in pages_links:
        shown = {}
        for link in links:
            page = getattr(link, page_attr)
            if page.locale.language_code != language_code:
                # None: a restricted version nearer the reader hides it (citynet/i18n/links.py).
                page = nearest.get((language_code, page.pk))
            if page is not None:
                shown.setdefault(page.pk, (link, page))
        resolved.append(list(shown.values()))
    return resolved


def page_public_links(page, relation, page_attr, select=(), fields=None):
    """
    A page's public links (its `relation`, as "program_links"): as prefetched with the page
    (the route's routed_relations, the API's optimise), else loaded by public_links(), which
    also filters a draft's in-memory links.
    """
    links = getattr(page, relation).all()
    if relation in getattr(page, "_prefetched_objects_cache", {}):
        return links
    return public_links(links, page_attr, select, fields)


def related_pages(page, relation, page_attr, language_code, select=(), fields=None):
    """
    The pages a reader of `language_code` is shown for a page's links (its `relation`):
    resolve_links() for one page, [(link, page)]. `fields`: as public_links().
    """
    links = page_public_links(page, relation, page_attr, select, fields)
    [resolved] = resolve_links([(links, language_code)], page_attr, select)
    return resolved
