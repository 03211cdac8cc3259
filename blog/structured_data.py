"""An article as a schema.org BlogPosting, with its authors as people and their affiliations."""

from citynet.core.structured_data import image_object, page_url, site_organization
from citynet.i18n.pages import bcp47

# Search engines cut longer headlines.
HEADLINE_LENGTH = 110


def author(person, publisher):
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    # Secondment staff without a home organisation of their own write for the network.
    data["affiliation"] = (
        {"@type": "Organization", "name": person.organisation}
        if person.organisation
        else {"@id": publisher["@id"]}
    )
    return data


def article_posting(article, request, authors, image_rendition=None):
    url = page_url(article, request)
    publisher = site_organization(request)
    headline = article.title
    if len(headline) > HEADLINE_LENGTH:
        headline = headline[: HEADLINE_LENGTH - 1].rstrip() + "…"
    posting = {
        "@type": "BlogPosting",
        "@id": url + "#article",
        "headline": headline,
        "name": article.title,
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": bcp47(article.locale.language_code),
        "datePublished": article.date_published.isoformat(),
        "author": [author(person, publisher) for person in authors],
        "publisher": {"@id": publisher["@id"]},
    }
    modified = article.last_published_at or article.first_published_at
    posting["dateModified"] = modified.isoformat() if modified else posting["datePublished"]
    if article.hero_image:
        posting["image"] = [
            image_object(article.hero_image, request, image_rendition, article.hero_image_caption)
        ]
    return posting
