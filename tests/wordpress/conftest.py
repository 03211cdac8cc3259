"""Small WordPress exports written for each rule, and a way to run the importer on them."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

# The shared export sits beside the project in every checkout (../shared/wxr/...).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHARED_EXPORT = PROJECT_ROOT.parent / "shared" / "wxr" / "themeunittestdata.wordpress.xml"
HERE = Path(__file__).parent / "wxr"

CHANNEL = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="{ns}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}/">
<channel>
<title>City blog</title>
<link>https://blog.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://blog.example.org</wp:base_blog_url>
<wp:author><wp:author_login>ana</wp:author_login><wp:author_email>ana@example.org</wp:author_email>
<wp:author_display_name><![CDATA[Ana Cruz]]></wp:author_display_name>
<wp:author_first_name>Ana</wp:author_first_name><wp:author_last_name>Cruz</wp:author_last_name></wp:author>
{items}
</channel>
</rss>
"""


def post(
    post_id=1,
    title="A post",
    content="<p>Hello.</p>",
    status="publish",
    name=None,
    excerpt="",
    date="2015-06-01 18:30:00",
    date_gmt="2015-06-01 09:30:00",
    password="",
    sticky=False,
    terms="",
    meta="",
    comments="",
    post_type="post",
    link=None,
    creator="ana",
):
    name = f"post-{post_id}" if name is None else name
    link = link or f"https://blog.example.org/2015/06/01/{name}/"
    return f"""<item>
<title><![CDATA[{title}]]></title><link>{link}</link><dc:creator><![CDATA[{creator}]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date_gmt}</wp:post_date_gmt><wp:post_name>{name}</wp:post_name>
<wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>{post_type}</wp:post_type>
<wp:post_password>{password}</wp:post_password><wp:is_sticky>{int(sticky)}</wp:is_sticky>
{terms}{meta}{comments}
</item>"""


def attachment(post_id, path, parent=0, alt="", caption="", title="Photo"):
    return f"""<item>
<title>{title}</title><link>https://blog.example.org/?attachment_id={post_id}</link>
<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:attachment_url>https://blog.example.org/wp-content/uploads/{path}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[{path}]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>
</item>"""


def meta(key, value):
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def term(domain, nicename, name):
    return f'<category domain="{domain}" nicename="{nicename}"><![CDATA[{name}]]></category>'


def comment(
    comment_id,
    kind="comment",
    approved="1",
    parent=0,
    author="Reader",
    email="reader@example.org",
    url="",
    content="Thanks!",
    date_gmt="2015-06-02 10:00:00",
):
    return f"""<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>
<wp:comment_author><![CDATA[{author}]]></wp:comment_author><wp:comment_author_IP>203.0.113.9</wp:comment_author_IP>
<wp:comment_author_email>{email}</wp:comment_author_email><wp:comment_author_url>{url}</wp:comment_author_url>
<wp:comment_date_gmt>{date_gmt}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[{content}]]></wp:comment_content><wp:comment_approved>{approved}</wp:comment_approved>
<wp:comment_type>{kind}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"""


@pytest.fixture
def export_file(tmp_path):
    """Write an export holding these items; `ns` picks the namespace spelling."""

    def write(*items, ns="https://wordpress.org/export/1.2", name="export.xml"):
        path = tmp_path / name
        path.write_text(CHANNEL.format(ns=ns, items="\n".join(items)), encoding="utf-8")
        return path

    return write


@pytest.fixture
def media_dir(tmp_path):
    """A wp-content/uploads copy holding real (tiny) photos at these paths."""

    def make(*paths):
        root = tmp_path / "uploads"
        for relative in paths:
            file = root / relative
            file.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            Image.new("RGB", (8, 6), "teal").save(buffer, format="JPEG")
            file.write_bytes(buffer.getvalue())
        root.mkdir(exist_ok=True)
        return root

    return make


@pytest.fixture
def run_import(blog_index):
    """Run manage.py import_wxr on a file; returns what it printed."""

    def run(path, *args):
        out = io.StringIO()
        call_command("import_wxr", str(path), *args, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def korean_blog_index(blog_index):
    from wagtail.models import Locale

    korean = Locale.objects.get(language_code="ko")
    blog_index.get_parent().specific.copy_for_translation(korean, alias=False)
    page = blog_index.copy_for_translation(korean)
    page.save_revision().publish()
    return page
