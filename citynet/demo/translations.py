"""
Demo translations into Traditional Chinese and Korean, made through wagtail-localize as an
editor would. They show each status of the translation report: most pages up to date; the
Korean article outdated (its English title was edited after translation); the Yokohama
profile missing in Traditional Chinese (readers fall back to English with a notice); an article
in progress in Traditional Chinese. Run again, it translates only what is not yet translated.
"""

from wagtail.models import Locale, Page

from citynet.i18n.translations import translate
from citynet.people.models import Person
from citynet.taxonomy.models import Theme

from .pages import demo_page

SECONDMENT = {"ko": "파견 직원", "zh-hant": "借調人員"}

SECTIONS = {
    "home": {
        "CityNet": {"ko": "CityNet", "zh-hant": "CityNet"},
        "CityNet is the network of cities and local governments across the Asia-Pacific. "
        "Members learn from each other through training, study visits and joint projects.": {
            "ko": "CityNet은 아시아태평양 지역의 도시와 지방정부를 잇는 네트워크입니다. "
            "회원들은 교육, 연수 방문, 공동 프로젝트를 통해 서로 배웁니다.",
            "zh-hant": "CityNet 是連結亞太地區城市與地方政府的網絡。"
            "會員透過培訓、考察訪問及合作計畫互相學習。",
        },
    },
    "blog": {
        "News and stories": {"ko": "뉴스와 이야기", "zh-hant": "新聞與故事"},
        "Articles from the network, newest first.": {
            "ko": "네트워크에서 전하는 글을 최신순으로 보여 드립니다.",
            "zh-hant": "來自網絡的文章，由新到舊排列。",
        },
    },
    "programs": {
        "Programs": {"ko": "프로그램", "zh-hant": "計畫"},
        "Workshops, forums, trainings and congresses.": {
            "ko": "워크숍, 포럼, 교육, 총회.",
            "zh-hant": "工作坊、論壇、培訓與大會。",
        },
    },
    "partners": {
        "Partners": {"ko": "파트너", "zh-hant": "合作夥伴"},
        "Member cities, organisations and chapters.": {
            "ko": "회원 도시, 기관, 국가 지부.",
            "zh-hant": "會員城市、組織與國家分會。",
        },
    },
}

PEOPLE = {
    "Arif Rahman": {
        "Arif Rahman": {"ko": "아리프 라흐만", "zh-hant": "阿里夫·拉赫曼"},
        "Secondment Staff": SECONDMENT,
        "Urban Planning Department, Dhaka North City Corporation": {
            "ko": "다카 북부시 도시계획국",
            "zh-hant": "達卡北市公司城市規劃部",
        },
        "Arif is an urban planner who works on drainage and flood risk. During his "
        "secondment he writes about what member cities learn from each other.": {
            "ko": "아리프는 배수와 홍수 위험을 다루는 도시계획가입니다. 파견 기간 동안 회원 "
            "도시들이 서로에게서 배우는 것에 관해 글을 씁니다.",
            "zh-hant": "阿里夫是一名城市規劃師，專責排水與洪水風險。"
            "借調期間，他撰文介紹會員城市如何互相學習。",
        },
    },
    "Min-ji Park": {
        "Min-ji Park": {"ko": "박민지", "zh-hant": "朴敏智"},
        "Secondment Staff": SECONDMENT,
        "International Relations Division, Seoul Metropolitan Government": {
            "ko": "서울특별시 국제협력과",
            "zh-hant": "首爾特別市國際關係科",
        },
        "Min-ji is seconded to the CityNet Secretariat for two years, where she follows the "
        "network's climate and water programs. At home she works on city-to-city cooperation.": {
            "ko": "민지는 2년 동안 CityNet 사무국에 파견되어 네트워크의 기후 및 물 프로그램을 "
            "맡고 있습니다. 서울에서는 도시 간 협력 업무를 담당합니다.",
            "zh-hant": "敏智借調至 CityNet 秘書處兩年，負責跟進網絡的氣候與水資源計畫。"
            "在首爾，她從事城市間合作的工作。",
        },
    },
}

THEMES = {
    "water": {
        "Water": {"ko": "물", "zh-hant": "水資源"},
        "Safe supply, wastewater treatment and the loss of water in networks.": {
            "ko": "안전한 급수, 하수 처리, 상수도망의 누수.",
            "zh-hant": "安全供水、污水處理與管網漏損。",
        },
    },
    "sdg-6": {
        "Clean Water and Sanitation": {"ko": "깨끗한 물과 위생", "zh-hant": "清潔飲水和衛生設施"},
    },
}

SEOUL = {"ko": "서울", "zh-hant": "首爾"}

REVISED_WATER_TITLE = "Sharing the work of keeping water clean, city by city"
WATER_ARTICLE_CAPTION = "Participants walked Seoul's water network with its leak detection teams"

PAGES = {
    "water-management-workshop": {
        "Workshop on urban water management": {
            "ko": "도시 물 관리 워크숍",
            "zh-hant": "城市水資源管理工作坊",
        },
        "Seoul": SEOUL,
        "Seoul Waterworks Training Centre": {
            "ko": "서울 상수도 교육원",
            "zh-hant": "首爾自來水培訓中心",
        },
        "Engineers from eight member cities studied leak detection, water quality monitoring "
        "and customer billing with Seoul's water utility.": {
            "ko": "8개 회원 도시의 엔지니어들이 서울의 상수도 사업소와 함께 누수 탐지, 수질 감시, "
            "요금 부과를 배웠다.",
            "zh-hant": "來自八個會員城市的工程師與首爾自來水機構一同研習漏水檢測、"
            "水質監測及用戶計費。",
        },
    },
    "seoul-metropolitan-government": {
        "Seoul Metropolitan Government": {"ko": "서울특별시", "zh-hant": "首爾特別市政府"},
        "SMG": {"ko": "SMG", "zh-hant": "SMG"},
        "Seoul": SEOUL,
        "Seoul hosts the CityNet Secretariat and sends secondment staff to it. Its departments "
        "run study visits on transport, water and e-government.": {
            "ko": "서울은 CityNet 사무국을 유치하고 있으며 사무국에 파견 직원을 보냅니다. "
            "서울시의 여러 부서가 교통, 상수도, 전자정부에 관한 연수 방문을 운영합니다.",
            "zh-hant": "首爾是 CityNet 秘書處的所在地，並派遣借調人員到秘書處服務。"
            "市府各部門舉辦交通、供水及電子政府方面的考察訪問。",
        },
    },
    "sharing-the-work-of-clean-water": {
        "Sharing the work of keeping water clean": {
            "ko": "깨끗한 물을 지키는 일을 함께 나누다",
            "zh-hant": "攜手守護潔淨用水",
        },
        WATER_ARTICLE_CAPTION: {
            "ko": "참가자들은 서울의 누수 탐지팀과 함께 상수도망을 걸었다",
            "zh-hant": "參加者隨首爾的漏水檢測團隊實地走訪供水管網",
        },
        # The English title as edited after the Korean translation (below).
        REVISED_WATER_TITLE: {"zh-hant": "城市之間攜手守護潔淨用水"},
        "Engineers from eight member cities spent three days with Seoul's water utility, "
        "learning how it finds leaks and watches water quality.": {
            "ko": "8개 회원 도시의 엔지니어들이 서울의 상수도 사업소에서 사흘을 보내며 누수를 "
            "찾아내고 수질을 감시하는 방법을 배웠다.",
            "zh-hant": "來自八個會員城市的工程師在首爾自來水機構度過三天，"
            "學習如何找出漏水並監測水質。",
        },
        "Many cities lose a large share of their treated water before it reaches a tap. The "
        "workshop started there: participants walked the network with leak detection teams and "
        "compared how each city measures its losses.": {
            "ko": "많은 도시가 정수한 물의 상당량을 수도꼭지에 닿기도 전에 잃는다. 워크숍은 바로 "
            "그 문제에서 출발했다. 참가자들은 누수 탐지팀과 함께 상수도망을 걸으며 각 도시가 "
            "손실을 어떻게 측정하는지 비교했다.",
            "zh-hant": "許多城市處理過的自來水，在送達水龍頭之前就流失了一大部分。"
            "工作坊便從這個問題出發：參加者隨漏水檢測團隊實地走訪管網，"
            "並比較各城市如何計算水量損失。",
        },
        "We came for the equipment and went home thinking about the data.": {
            "ko": "장비를 보러 왔다가 데이터를 고민하며 돌아갑니다.",
            "zh-hant": "我們為了設備而來，回去時想的卻是數據。",
        },
        "Arif Rahman": PEOPLE["Arif Rahman"]["Arif Rahman"],
        "Secondment Staff": SECONDMENT,
        "From the laboratory to the bill": {
            "ko": "실험실에서 요금 고지서까지",
            "zh-hant": "從實驗室到水費帳單",
        },
        "The second day covered water quality monitoring, the third customer billing and "
        "complaints. Each city left with an action plan to share at the next cluster meeting.": {
            "ko": "둘째 날은 수질 감시를, 셋째 날은 요금 부과와 민원 처리를 다루었다. 각 도시는 "
            "다음 클러스터 회의에서 공유할 실행 계획을 가지고 돌아갔다.",
            "zh-hant": "第二天的主題是水質監測，第三天則是用戶計費與投訴處理。"
            "每個城市都帶著一份行動計畫離開，將在下次專題小組會議上分享。",
        },
    },
    "city-of-yokohama": {
        "City of Yokohama": {"ko": "요코하마시"},
        "Yokohama": {"ko": "요코하마"},
        "A founding member of the network, Yokohama shares its experience of port-city "
        "planning, waste reduction and public-private partnerships.": {
            "ko": "네트워크의 창립 회원인 요코하마는 항만 도시 계획, 폐기물 감축, 민관 협력의 "
            "경험을 나눕니다.",
        },
    },
}


def strings_in(language_code, translations, slug=None):
    """{source: translation} in one language; a slug is kept so that URLs match across them."""
    strings = {
        source: by_language[language_code]
        for source, by_language in translations.items()
        if language_code in by_language
    }
    if slug:
        strings[slug] = slug
    return strings


def translate_once(instance, language_code, strings, log, publish=True):
    locale = Locale.objects.get(language_code=language_code)
    if instance.has_translation(locale):
        return False
    translate(instance, language_code, strings, publish=publish)
    log(f"Translated into {language_code}: {instance}")
    return True


def english_page(slug):
    """The English demo page first published as `slug`, whatever its slug is now."""
    page = demo_page(slug)
    if page is None:
        raise Page.DoesNotExist(slug)
    return page


def load_translations(log):
    for language_code in ("ko", "zh-hant"):
        for name, strings in PEOPLE.items():
            person = Person.objects.get(name=name, locale=Locale.get_default())
            translate_once(person, language_code, strings_in(language_code, strings), log)
        for slug, strings in THEMES.items():
            theme = Theme.objects.get(slug=slug, locale=Locale.get_default())
            translate_once(theme, language_code, strings_in(language_code, strings), log)
        for slug, strings in SECTIONS.items():
            page = english_page(slug)
            translate_once(page, language_code, strings_in(language_code, strings, slug), log)
        for slug in ("water-management-workshop", "seoul-metropolitan-government"):
            page = english_page(slug)
            translate_once(page, language_code, strings_in(language_code, PAGES[slug], slug), log)

    # Korean only: the profile stays missing in Traditional Chinese.
    yokohama = english_page("city-of-yokohama")
    translate_once(yokohama, "ko", strings_in("ko", PAGES["city-of-yokohama"], yokohama.slug), log)

    # Korean first, then the English title is edited and republished: the Korean translation
    # is outdated, while the Traditional Chinese one, made after, is up to date.
    article = english_page("sharing-the-work-of-clean-water")
    strings = PAGES["sharing-the-work-of-clean-water"]
    if translate_once(article, "ko", strings_in("ko", strings, article.slug), log):
        article.title = REVISED_WATER_TITLE
        article.save_revision(log_action=True).publish()
        log(f"Republished in English after its Korean translation: {article}")
    translate_once(article, "zh-hant", strings_in("zh-hant", strings, article.slug), log)

    # Started but not finished: a draft with only its title translated.
    lighting = english_page("paying-for-brighter-streets")
    translate_once(
        lighting, "zh-hant", {lighting.title: "為更明亮的街道籌措資金"}, log, publish=False
    )
