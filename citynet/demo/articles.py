"""Demo articles: the 2017 Colombo congress, the Ninth World Urban Forum and current programs."""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from blog.factories import ArticlePageFactory
from blog.models import ArticleAuthor, ArticlePartner, ArticleProgram
from citynet.people.models import Person
from citynet.taxonomy.models import Theme
from partners.models import PartnerPage
from programs.models import ProgramPage

from .images import skyline_photo
from .pages import demo_pages_by_slug, publish_child
from .translations import WATER_ARTICLE_CAPTION


def paragraph(*sentences):
    return ("paragraph", RichText(f"<p>{' '.join(sentences)}</p>"))


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def quote(text, name, role):
    return ("pull_quote", {"quote": text, "name": name, "role": role})


def photo(image, caption=""):
    return ("image", {"image": image, "caption": caption})


def gallery(title, *images):
    return ("gallery", {"title": title, "images": [{"image": i, "caption": ""} for i in images]})


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def article_details(log):
    """The articles, newest last; images are drawn on first use."""
    congress = skyline_photo("Colombo congress", log)
    forum = skyline_photo("Kuala Lumpur forum", log)
    water = skyline_photo("Water workshop", log)
    climate = skyline_photo("Climate workshop", log)
    lighting = skyline_photo("Street lighting", log)
    mayors = skyline_photo("Mayors forum", log)
    return [
        {
            "slug": "citynet-turns-30-in-colombo",
            "title": "CityNet turns 30 at its congress in Colombo",
            "standfirst": "From 5 to 8 November 2017, more than 300 participants from member "
            "cities and partners met in Colombo for the network's congress, which also marked "
            "thirty years since CityNet was founded.",
            "date_published": datetime.date(2017, 11, 10),
            "hero_image": congress,
            "authors": ["Ayu Pratiwi"],
            "tags": ["congress", "anniversary", "Colombo"],
            "themes": ["sdg-11", "sdg-17"],
            "programs": ["citynet-congress-2017-colombo"],
            "partners": ["colombo-municipal-council"],
            "body": [
                paragraph(
                    "Colombo Municipal Council hosted the congress over four days. Mayors,",
                    "city officials, national chapters and international partners took part",
                    "in plenary sessions, thematic workshops and site visits around the city.",
                ),
                heading("Thirty years of cities learning from cities"),
                paragraph(
                    "CityNet was founded in 1987 to help local governments in the Asia-Pacific",
                    "share what works. The anniversary sessions looked back at study visits,",
                    "secondments and training, and at the members who joined along the way.",
                ),
                quote(
                    "The best advice a city gets often comes from another city that has "
                    "already tried.",
                    "A member city delegate",
                    "Closing plenary",
                ),
                heading("What the members agreed"),
                paragraph(
                    "Members discussed the network's work on climate change, disaster risk,",
                    "infrastructure and the Sustainable Development Goals, and how the",
                    "clusters should report back to the next congress.",
                ),
                gallery("Scenes from Colombo", congress, mayors),
            ],
        },
        {
            "slug": "notes-from-the-ninth-world-urban-forum",
            "title": "Notes from the Ninth World Urban Forum in Kuala Lumpur",
            "standfirst": "The forum met in Kuala Lumpur from 7 to 13 February 2018 under the "
            "theme “Cities 2030, Cities for All: Implementing the New Urban Agenda”.",
            "date_published": datetime.date(2018, 2, 20),
            "hero_image": forum,
            "authors": ["Min-ji Park"],
            "tags": ["WUF9", "New Urban Agenda"],
            "themes": ["sdg-11", "infrastructure"],
            "programs": ["ninth-world-urban-forum"],
            "partners": ["un-habitat", "kuala-lumpur-city-hall"],
            "body": [
                paragraph(
                    "The World Urban Forum is convened by UN-Habitat every two years. Its ninth",
                    "session was the first since the New Urban Agenda was adopted, and many",
                    "sessions asked how cities will put it into practice.",
                ),
                heading("Three things member cities took home"),
                paragraph(
                    "Plan for the people who are already there. Measure what changes. Work",
                    "with national governments early, because many of the tools a city needs",
                    "are set nationally.",
                ),
                photo(forum),
            ],
        },
        {
            "slug": "sharing-the-work-of-clean-water",
            "title": "Sharing the work of keeping water clean",
            "standfirst": "Engineers from eight member cities spent three days with Seoul's "
            "water utility, learning how it finds leaks and watches water quality.",
            "date_published": days_ago(55),
            "hero_image": water,
            # This page's own caption, translated with it; the program shows the image's.
            "hero_caption": WATER_ARTICLE_CAPTION,
            "authors": ["Arif Rahman", "Min-ji Park"],
            "tags": ["water", "training"],
            "themes": ["sdg-6", "water"],
            "programs": ["water-management-workshop"],
            "partners": ["seoul-waterworks-authority"],
            "body": [
                paragraph(
                    "Many cities lose a large share of their treated water before it reaches",
                    "a tap. The workshop started there: participants walked the network with",
                    "leak detection teams and compared how each city measures its losses.",
                ),
                quote(
                    "We came for the equipment and went home thinking about the data.",
                    "Arif Rahman",
                    "Secondment Staff",
                ),
                heading("From the laboratory to the bill"),
                paragraph(
                    "The second day covered water quality monitoring, the third customer",
                    "billing and complaints. Each city left with an action plan to share at",
                    "the next cluster meeting.",
                ),
            ],
        },
        {
            "slug": "paying-for-brighter-streets",
            "title": "Paying for brighter streets",
            "standfirst": "Efficient street lighting saves energy and money, but someone has "
            "to pay first. An upcoming workshop in Yokohama looks at how cities do it.",
            "date_published": days_ago(10),
            "hero_image": lighting,
            "authors": ["Kenji Watanabe"],
            "tags": ["energy", "finance"],
            "themes": ["sdg-7", "urban-energy"],
            "programs": ["financing-urban-energy-and-lighting"],
            "partners": ["city-of-yokohama"],
            "body": [
                paragraph(
                    "Replacing old street lamps with efficient ones can halve a city's",
                    "lighting bill, yet the upfront cost keeps many projects on paper.",
                ),
                heading("Ways to pay"),
                paragraph(
                    "The workshop on financing urban energy infrastructure and urban lighting",
                    "will compare energy service contracts, municipal green bonds and national",
                    "funds, with cities that have used each of them.",
                ),
            ],
        },
        {
            "slug": "mayors-to-meet-on-resilient-cities",
            "title": "Mayors to meet on resilient cities",
            "standfirst": "The Asia-Pacific Mayors Forum will ask what cities need to prepare "
            "for disasters, and what they need from national governments to recover.",
            "date_published": days_ago(3),
            "hero_image": mayors,
            "authors": ["Ayu Pratiwi"],
            "tags": ["mayors", "resilience"],
            "themes": ["sdg-11", "disaster-risk-reduction"],
            "programs": ["mayors-forum"],
            "partners": ["seoul-metropolitan-government"],
            "body": [
                paragraph(
                    "Mayors and governors from across the network will meet in Seoul for two",
                    "days of sessions on early warning, insurance and rebuilding.",
                ),
            ],
        },
        {
            "slug": "cities-compare-notes-on-climate-adaptation",
            "title": "Cities compare notes on climate adaptation",
            "standfirst": "This week's workshop in Jakarta brings planners together to compare "
            "heat action plans and flood maps.",
            "date_published": days_ago(0),
            "hero_image": climate,
            "authors": ["Min-ji Park", "Kenji Watanabe"],
            "tags": ["climate", "adaptation"],
            "themes": ["sdg-13", "climate-change"],
            "programs": ["climate-change-workshop"],
            "partners": ["citynet-indonesia"],
            "body": [
                paragraph(
                    "Each city brought its own plan. The first session asked what the plans",
                    "have in common and where they differ: who is warned, when, and how.",
                ),
                photo(climate, "Participants' cities face rising heat and heavier rain."),
            ],
        },
    ]


def load_articles(index, program_index, partner_index, log):
    locale = Locale.get_default()
    people = {person.name: person for person in Person.objects.filter(locale=locale)}
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locale)}
    details_list = article_details(log)
    programs = demo_pages_by_slug(
        ProgramPage.objects.child_of(program_index),
        {slug for details in details_list for slug in details["programs"]},
    )
    partners = demo_pages_by_slug(
        PartnerPage.objects.child_of(partner_index),
        {slug for details in details_list for slug in details["partners"]},
    )
    for details in details_list:
        authors = details.pop("authors")
        theme_slugs = details.pop("themes")
        program_slugs = details.pop("programs")
        partner_slugs = details.pop("partners")
        publish_child(
            index,
            ArticlePageFactory,
            log,
            authors=[ArticleAuthor(person=people[name]) for name in authors],
            program_links=[ArticleProgram(program=programs[s]) for s in program_slugs],
            partner_links=[ArticlePartner(partner=partners[s]) for s in partner_slugs],
            themes=[themes[slug] for slug in theme_slugs],
            **details,
        )
