"""Demo partner profiles: member cities, an international organisation, a national chapter."""

from partners.factories import PartnerPageFactory
from partners.models import PartnerPage

from .images import get_or_create_image
from .pages import publish_child

PARTNERS = [
    {
        "slug": "city-of-yokohama",
        "title": "City of Yokohama",
        "kind": PartnerPage.Kind.MEMBER_CITY,
        "country": "JP",
        "city": "Yokohama",
        "member_since": 1987,
        "website": "https://www.city.yokohama.lg.jp/",
        "logo": ("YOK", "#0b5d8a"),
        "description": "<p>A founding member of the network, Yokohama shares its experience of "
        "port-city planning, waste reduction and public-private partnerships.</p>",
    },
    {
        "slug": "seoul-metropolitan-government",
        "title": "Seoul Metropolitan Government",
        "acronym": "SMG",
        "kind": PartnerPage.Kind.MEMBER_CITY,
        "country": "KR",
        "city": "Seoul",
        "website": "https://english.seoul.go.kr/",
        "logo": ("SMG", "#b0303a"),
        "description": "<p>Seoul hosts the CityNet Secretariat and sends secondment staff to "
        "it. Its departments run study visits on transport, water and e-government.</p>",
    },
    {
        "slug": "colombo-municipal-council",
        "title": "Colombo Municipal Council",
        "acronym": "CMC",
        "kind": PartnerPage.Kind.MEMBER_CITY,
        "country": "LK",
        "city": "Colombo",
        "logo": ("CMC", "#6b3fa0"),
        "description": "<p>Host of the 2017 CityNet Congress, which marked the network's 30th "
        "anniversary.</p>",
    },
    {
        "slug": "kuala-lumpur-city-hall",
        "title": "Kuala Lumpur City Hall",
        "acronym": "DBKL",
        "kind": PartnerPage.Kind.MEMBER_CITY,
        "country": "MY",
        "city": "Kuala Lumpur",
        "logo": ("DBKL", "#1f7a4d"),
        "description": "<p>The city government of Kuala Lumpur, host city of the Ninth World "
        "Urban Forum in 2018.</p>",
    },
    {
        "slug": "un-habitat",
        "title": "United Nations Human Settlements Programme",
        "acronym": "UN-Habitat",
        "kind": PartnerPage.Kind.INTERNATIONAL,
        "country": "KE",
        "city": "Nairobi",
        "website": "https://unhabitat.org/",
        "logo": ("UN-Habitat", "#0072bc"),
        "description": "<p>The United Nations programme for sustainable towns and cities, "
        "which convenes the World Urban Forum.</p>",
    },
    {
        "slug": "seoul-waterworks-authority",
        "title": "Seoul Waterworks Authority",
        "kind": PartnerPage.Kind.ASSOCIATE,
        "country": "KR",
        "city": "Seoul",
        "logo": ("Water", "#2a9fd6"),
        "description": "<p>Runs Seoul's drinking water supply and trains engineers from other "
        "cities in leak detection and water quality monitoring.</p>",
        "contact_name": "Training Team",
        "contact_email": "training@waterworks.example.org",
    },
    {
        "slug": "citynet-indonesia",
        "title": "CityNet Indonesia National Chapter",
        "kind": PartnerPage.Kind.NATIONAL_CHAPTER,
        "country": "ID",
        "city": "Jakarta",
        "logo": ("ID", "#c0392b"),
        "description": "<p>Brings together the network's Indonesian members to run training "
        "in the national language and to take part in regional programs.</p>",
    },
]


def load_partners(index, log):
    for details in PARTNERS:
        details = dict(details)
        acronym, colour = details.pop("logo")
        logo = get_or_create_image(
            f"Logo of {details['title']}",
            "logo",
            log,
            alt=f"Logo of {details['title']}: the letters {acronym} beside a disc marked "
            f"{acronym[0]}",
            credit="",
            text=acronym,
            size=(480, 160),
            background=colour,
        )
        # Not every demo partner has a website: none rather than the factory's.
        publish_child(index, PartnerPageFactory, log, logo=logo, **{"website": "", **details})
