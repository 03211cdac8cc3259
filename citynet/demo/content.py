"""Demo themes, people and the site's sections. All demo text is written for the demo."""

from wagtail.models import Locale

from blog.factories import BlogIndexPageFactory
from blog.models import ArticlePage
from citynet.people.factories import PersonFactory
from citynet.people.models import Person
from citynet.taxonomy.factories import ThemeFactory
from citynet.taxonomy.models import Theme
from home.models import HomePage, HomePageFeaturedLink
from partners.factories import PartnerIndexPageFactory
from programs.factories import ProgramIndexPageFactory
from programs.models import ProgramPage

from .images import get_or_create_image, skyline_photo
from .pages import demo_page, publish_child

# The official short names of the 17 Sustainable Development Goals.
SDGS = [
    "No Poverty",
    "Zero Hunger",
    "Good Health and Well-being",
    "Quality Education",
    "Gender Equality",
    "Clean Water and Sanitation",
    "Affordable and Clean Energy",
    "Decent Work and Economic Growth",
    "Industry, Innovation and Infrastructure",
    "Reduced Inequalities",
    "Sustainable Cities and Communities",
    "Responsible Consumption and Production",
    "Climate Action",
    "Life Below Water",
    "Life on Land",
    "Peace, Justice and Strong Institutions",
    "Partnerships for the Goals",
]

CLUSTERS = [
    ("climate-change", "Climate change", "Adaptation, mitigation and low-carbon city planning."),
    (
        "disaster-risk-reduction",
        "Disaster risk reduction",
        "Preparing for floods, storms, earthquakes and heatwaves, and recovering from them.",
    ),
    ("water", "Water", "Safe supply, wastewater treatment and the loss of water in networks."),
    ("urban-energy", "Urban energy", "Efficient buildings, public lighting and local power."),
    (
        "infrastructure",
        "Infrastructure",
        "Planning and financing the roads, transit and utilities cities depend on.",
    ),
]

PEOPLE = [
    {
        "name": "Min-ji Park",
        "role": "Secondment Staff",
        "organisation": "International Relations Division, Seoul Metropolitan Government",
        "bio": "Min-ji is seconded to the CityNet Secretariat for two years, where she follows the "
        "network's climate and water programs. At home she works on city-to-city cooperation.",
    },
    {
        "name": "Kenji Watanabe",
        "role": "Secondment Staff",
        "organisation": "International Affairs Section, City of Yokohama",
        "bio": "Kenji brings ten years of experience in municipal energy projects to the "
        "Secretariat, and coordinates the urban energy cluster's training sessions.",
    },
    {
        "name": "Arif Rahman",
        "role": "Secondment Staff",
        "organisation": "Urban Planning Department, Dhaka North City Corporation",
        "bio": "Arif is an urban planner who works on drainage and flood risk. During his "
        "secondment he writes about what member cities learn from each other.",
    },
    {
        "name": "Ayu Pratiwi",
        "role": "Communications Officer",
        "organisation": "CityNet Secretariat",
        "bio": "Ayu edits the CityNet website and newsletter and reports from the network's "
        "congresses and forums.",
    },
]


def load_themes(log):
    locale = Locale.get_default()
    for number, name in enumerate(SDGS, start=1):
        slug = f"sdg-{number}"
        if not Theme.objects.filter(slug=slug, locale=locale).exists():
            ThemeFactory(
                slug=slug, locale=locale, name=name, kind=Theme.Kind.SDG, sdg_number=number
            )
            log(f"Created theme: SDG {number}: {name}")
    for slug, name, description in CLUSTERS:
        if not Theme.objects.filter(slug=slug, locale=locale).exists():
            ThemeFactory(
                slug=slug,
                locale=locale,
                name=name,
                kind=Theme.Kind.CLUSTER,
                description=description,
            )
            log(f"Created theme: {name}")


def load_people(log):
    locale = Locale.get_default()
    for index, details in enumerate(PEOPLE):
        if Person.objects.filter(name=details["name"], locale=locale).exists():
            continue
        photo = get_or_create_image(
            f"Portrait of {details['name']}",
            "portrait",
            log,
            alt=f"Placeholder portrait of {details['name']}: a drawn silhouette",
            seed=index,
            size=(480, 480),
            background=["#e9c46a", "#a8dadc", "#f4acb7", "#b5e48c"][index % 4],
        )
        PersonFactory(photo=photo, locale=locale, **details)
        log(f"Created person: {details['name']}")


def load_sections(log):
    """The home page's introduction and its three sections."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    if not home.hero_image:
        home.introduction = (
            "CityNet is the network of cities and local governments across the Asia-Pacific. "
            "Members learn from each other through training, study visits and joint projects."
        )
        home.hero_image = skyline_photo("Network of cities", log)
        home.save_revision().publish()
        log("Published the home page's introduction")
    sections = {}
    for factory, slug, title, introduction in [
        (
            BlogIndexPageFactory,
            "blog",
            "News and stories",
            "Articles from the network, newest first.",
        ),
        (
            ProgramIndexPageFactory,
            "programs",
            "Programs",
            "Workshops, forums, trainings and congresses.",
        ),
        (
            PartnerIndexPageFactory,
            "partners",
            "Partners",
            "Member cities, organisations and chapters.",
        ),
    ]:
        sections[slug], _ = publish_child(
            home,
            factory,
            log,
            title=title,
            slug=slug,
            introduction=introduction,
            show_in_menus=True,
        )
    return home, sections


def load_featured(home, log):
    """The editor's picks on the home page: the anniversary story and the next forum."""
    if home.featured_links.exists():
        return
    picks = [
        demo_page("citynet-turns-30-in-colombo", home.locale, ArticlePage),
        demo_page("mayors-forum", home.locale, ProgramPage),
    ]
    home.featured_links = [HomePageFeaturedLink(page=page) for page in picks]
    home.save_revision().publish()
    log("Featured on the home page: " + ", ".join(page.title for page in picks))
