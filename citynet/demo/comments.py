"""Demo reader comments on the Colombo article: a thread with a staff reply, one held, one spam."""

from django.contrib.auth import get_user_model

from blog.models import ArticlePage
from comments.models import ReaderComment

from .pages import demo_page

APPROVED, PENDING, SPAM = (
    ReaderComment.Status.APPROVED,
    ReaderComment.Status.PENDING,
    ReaderComment.Status.SPAM,
)
# (name, email, text, status, replies to the comment at this index or None)
COMMENTS = [
    (
        "Nimali Perera",
        "nimali@example.org",
        "It was a joy to host the congress in Colombo. The session on coastal flooding gave our "
        "engineers many ideas.",
        APPROVED,
        None,
    ),
    (
        "Budi Santoso",
        "budi@example.org",
        "Will the presentations be published? Our city council would like to read the one on "
        "waste-to-energy: https://citynet-ap.org/",
        APPROVED,
        None,
    ),
    (
        "Ayu Pratiwi",
        "comms@citynet.example.org",
        "Yes: the slides are on each program page, and the full report follows next month.",
        APPROVED,
        1,
    ),
    (
        "Tran Van An",
        "an@example.org",
        "Is there a recording of the youth forum? I could not attend.",
        PENDING,
        None,
    ),
    (
        "Best Deals",
        "deals@spam.example",
        "Cheap flights to Colombo!!! http://spam.example/1 http://spam.example/2 "
        "http://spam.example/3",
        SPAM,
        None,
    ),
]


def load_comments(log):
    article = demo_page("citynet-turns-30-in-colombo", model=ArticlePage)
    if article is None or article.reader_comments.exists():
        return
    comms = get_user_model().objects.filter(username="comms").first()
    created = []
    for name, email, text, status, parent_index in COMMENTS:
        staff = email == "comms@citynet.example.org"
        comment = ReaderComment.objects.create(
            page=article,
            parent=created[parent_index] if parent_index is not None else None,
            author_name=name,
            author_email=email,
            text=text,
            status=status,
            user=comms if staff else None,
            is_staff_reply=staff,
            email_confirmed=status == APPROVED,
            held_because="new or unconfirmed commenter" if status == PENDING else "",
        )
        created.append(comment)
        log(f"Reader comment ({status}) by {name} on {article.title}")
