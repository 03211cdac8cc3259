"""
Post content as WordPress renders it, rule by rule (issue 27): classic text through wpautop,
each Gutenberg core block, nesting. Each case compares the imported blocks with the expected
HTML; no database.
"""

from types import SimpleNamespace

import pytest

from wordpress.autop import wpautop
from wordpress.content import ContentConverter


class Images:
    """Attachments 7 and 8 exist; anything else is not in the export."""

    def by_id(self, attachment_id):
        if attachment_id not in (7, 8):
            raise KeyError(attachment_id)
        return SimpleNamespace(pk=attachment_id * 100, title=f"Photo {attachment_id}")

    def by_url(self, url):
        if "photo-7" in url:
            return self.by_id(7)
        raise KeyError(url)


REUSABLE = {50: "<!-- wp:paragraph --><p>Shared <em>words</em>.</p><!-- /wp:paragraph -->"}
FOOTNOTES = '[{"content": "A <em>note</em>.", "id": "f1"}]'


def convert(html):
    warnings = []
    converter = ContentConverter(
        Images(),
        lambda kind, detail: warnings.append(kind),
        reusable=REUSABLE,
        footnotes=FOOTNOTES,
    )
    return converter.convert(html), warnings


def paragraph(html):
    return {"type": "paragraph", "value": html}


def image(pk, caption=""):
    return {"type": "image", "value": {"image": pk, "caption": caption}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One\n\nTwo", "<p>One</p>\n<p>Two</p>\n"),
        ("One\nstill one", "<p>One<br />\nstill one</p>\n"),
        ("<h2>Title</h2>\nText", "<h2>Title</h2>\n<p>Text</p>\n"),
        ("A <em>b</em>\n<div>c</div>", "<p>A <em>b</em></p>\n<div>c</div>\n"),
        ("<pre>a\n\nb</pre>\nc", "<pre>a\n\nb</pre>\n<p>c</p>\n"),
        ("<blockquote>Quote</blockquote>", "<blockquote><p>Quote</p></blockquote>\n"),
        ('<a href="x"\ntitle="y">z</a>', '<p><a href="x"\ntitle="y">z</a></p>\n'),
        ("a<br><br>b", "<p>a</p>\n<p>b</p>\n"),
        ("<ul>\n<li>x</li>\n</ul>", "<ul>\n<li>x</li>\n</ul>\n"),
    ],
)
def test_wpautop_follows_wordpress(text, expected):
    assert wpautop(text) == expected


CLASSIC = [
    pytest.param(
        'First paragraph with <em>italic</em> and a <a href="https://example.org/">link</a>.'
        '\n\n<p style="text-align:center">A centred line.</p>\n'
        "Second paragraph with <strong>bold</strong> text.",
        [
            paragraph(
                '<p>First paragraph with <em>italic</em> and a <a href="https://example.org/">'
                "link</a>.</p><p>A centred line.</p><p>Second paragraph with <strong>bold"
                "</strong> text.</p>"
            )
        ],
        id="inline markup stays in its paragraph",
    ),
    pytest.param(
        'One line\nand the next, with <abbr title="s">srsly</abbr> and <code>x</code>.',
        [paragraph("<p>One line<br/>\nand the next, with srsly and x.</p>")],
        id="single line break, unsupported inline elements keep their text",
    ),
    pytest.param(
        "Intro\n\n<pre>line 1\n\n  line 2</pre>\nAfter",
        [paragraph("<p>Intro</p><p>line 1<br/><br/>  line 2</p><p>After</p>")],
        id="pre untouched",
    ),
    pytest.param(
        "<div>Inside a div\n\nsecond</div>",
        [paragraph("<p>Inside a div</p><p>second</p>")],
        id="block-level elements not wrapped",
    ),
    pytest.param(
        'Text before.\n[caption id="attachment_7" align="alignleft" width="300"]'
        '<img class="wp-image-7" src="photo-7.jpg" /> A <a href="https://example.org/c">caption'
        "</a>[/caption]\nText after.",
        [
            paragraph("<p>Text before.</p>"),
            image(700, "A caption"),
            paragraph('<p><a href="https://example.org/c">caption</a></p><p>Text after.</p>'),
        ],
        id="shortcodes first, a caption's link follows it",
    ),
    pytest.param(
        '<img class="alignleft wp-image-7" src="photo-7.jpg" alt="Harbour" /> The rest.\n\n'
        '<img class="aligncenter wp-image-8" src="x.jpg" />',
        [
            paragraph(
                '<embed alt="Harbour" embedtype="image" format="left" id="700"/><p>The rest.</p>'
            ),
            image(800),
        ],
        id="alignment classes",
    ),
]


@pytest.mark.parametrize(("html", "expected"), CLASSIC)
def test_classic_posts_read_as_wordpress_shows_them(html, expected):
    blocks, warnings = convert(html)
    assert blocks == expected
    assert warnings == []


BLOCKS = [
    pytest.param(
        '<!-- wp:heading --><h2>See <a href="https://example.org/h">this</a></h2>'
        "<!-- /wp:heading -->",
        [
            {"type": "heading", "value": {"text": "See this", "level": "h2"}},
            paragraph('<p><a href="https://example.org/h">this</a></p>'),
        ],
        id="heading",
    ),
    pytest.param(
        "<!-- wp:list --><ul><!-- wp:list-item --><li>One<!-- wp:list --><ul>"
        "<!-- wp:list-item --><li>Inner <strong>bold</strong></li><!-- /wp:list-item --></ul>"
        "<!-- /wp:list --></li><!-- /wp:list-item --><!-- wp:list-item --><li>Two</li>"
        "<!-- /wp:list-item --></ul><!-- /wp:list -->",
        [
            paragraph(
                "<ul><li>One<ul><li>Inner <strong>bold</strong></li></ul></li><li>Two</li></ul>"
            )
        ],
        id="nested list",
    ),
    pytest.param(
        '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Cities '
        '<a href="https://example.org/q">learn</a>.</p><!-- /wp:paragraph --><!-- wp:paragraph -->'
        "<p>Fast.</p><!-- /wp:paragraph --><cite>A mayor</cite></blockquote><!-- /wp:quote -->",
        [
            {
                "type": "pull_quote",
                "value": {"quote": "Cities learn.\n\nFast.", "name": "A mayor", "role": ""},
            },
            paragraph('<p><a href="https://example.org/q">learn</a></p>'),
        ],
        id="quote",
    ),
    pytest.param(
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Big idea</p>'
        "<cite>Ana</cite></blockquote></figure><!-- /wp:pullquote -->",
        [{"type": "pull_quote", "value": {"quote": "Big idea", "name": "Ana", "role": ""}}],
        id="pullquote",
    ),
    pytest.param(
        '<!-- wp:image {"id":7,"align":"right"} --><figure class="wp-block-image alignright">'
        '<img src="photo-7.jpg" alt="Boats" class="wp-image-7"/></figure><!-- /wp:image -->'
        '<!-- wp:image {"id":8} --><figure class="wp-block-image"><a href="photo-8.jpg">'
        '<img src="photo-8.jpg" class="wp-image-8"/></a><figcaption>Market <a '
        'href="https://example.org/m">day</a></figcaption></figure><!-- /wp:image -->',
        [
            paragraph('<embed alt="Boats" embedtype="image" format="right" id="700"/>'),
            image(800, "Market day"),
            paragraph('<p><a href="https://example.org/m">day</a></p>'),
        ],
        id="image: alignment, caption, link",
    ),
    pytest.param(
        '<!-- wp:table --><figure class="wp-block-table"><table><tbody><tr><td><a '
        'href="https://example.org/t">Seoul</a></td><td>9.4m</td></tr></tbody></table>'
        "<figcaption>Sizes</figcaption></figure><!-- /wp:table -->",
        [
            {
                "type": "table",
                "value": {
                    "data": [["Seoul", "9.4m"]],
                    "first_row_is_table_header": False,
                    "first_col_is_header": False,
                    "table_caption": "Sizes",
                },
            },
            paragraph('<p><a href="https://example.org/t">Seoul</a></p>'),
        ],
        id="table",
    ),
    pytest.param(
        '<!-- wp:code --><pre class="wp-block-code"><code>if a &lt; b:\n    go()</code></pre>'
        '<!-- /wp:code --><!-- wp:preformatted --><pre class="wp-block-preformatted">As\n is'
        '</pre><!-- /wp:preformatted --><!-- wp:verse --><pre class="wp-block-verse">Roses<br>'
        "are red</pre><!-- /wp:verse --><!-- wp:separator --><hr/><!-- /wp:separator -->",
        [paragraph("<p>if a &lt; b:<br/>    go()</p><p>As<br/> is</p><p>Roses<br/>are red</p>")],
        id="code, preformatted, verse, separator",
    ),
    pytest.param(
        '<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div '
        'class="wp-block-button"><a class="wp-block-button__link" href="https://example.org/j">'
        "Join</a></div><!-- /wp:button --></div><!-- /wp:buttons -->",
        [paragraph('<p><a href="https://example.org/j">Join</a></p>')],
        id="buttons",
    ),
    pytest.param(
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=nwe-H6l4beM"} --><figure '
        'class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://www.youtube.com/watch?v=nwe-H6l4beM\n</div><figcaption>A <em>talk</em>"
        "</figcaption></figure><!-- /wp:embed -->",
        [
            {"type": "embed", "value": "https://www.youtube.com/watch?v=nwe-H6l4beM"},
            paragraph("<p>A <em>talk</em></p>"),
        ],
        id="embed",
    ),
    pytest.param(
        '<!-- wp:media-text {"mediaId":7} --><div class="wp-block-media-text"><figure '
        'class="wp-block-media-text__media"><img src="photo-7.jpg" class="wp-image-7"/>'
        '</figure><div class="wp-block-media-text__content"><!-- wp:paragraph --><p>Beside.</p>'
        "<!-- /wp:paragraph --></div></div><!-- /wp:media-text -->"
        '<!-- wp:cover {"id":8} --><div class="wp-block-cover"><span aria-hidden="true" '
        'class="wp-block-cover__background"></span><img class="wp-block-cover__image-background '
        'wp-image-8" src="photo-8.jpg"/><div class="wp-block-cover__inner-container">'
        "<!-- wp:paragraph --><p>Over.</p><!-- /wp:paragraph --></div></div><!-- /wp:cover -->",
        [image(700), paragraph("<p>Beside.</p>"), image(800), paragraph("<p>Over.</p>")],
        id="media-text and cover",
    ),
    pytest.param(
        '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div '
        'class="wp-block-column"><!-- wp:paragraph --><p>Left.</p><!-- /wp:paragraph --></div>'
        '<!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:group --><div '
        'class="wp-block-group"><!-- wp:heading {"level":3} --><h3>Right</h3><!-- /wp:heading -->'
        "<!-- wp:paragraph --><p>In a group.</p><!-- /wp:paragraph --></div><!-- /wp:group -->"
        "</div><!-- /wp:column --></div><!-- /wp:columns -->",
        [
            paragraph("<p>Left.</p>"),
            {"type": "heading", "value": {"text": "Right", "level": "h3"}},
            paragraph("<p>In a group.</p>"),
        ],
        id="columns and group, nested, in reading order",
    ),
    pytest.param(
        '<!-- wp:details --><details class="wp-block-details"><summary>More</summary>'
        "<!-- wp:paragraph --><p>Hidden.</p><!-- /wp:paragraph --></details><!-- /wp:details -->",
        [paragraph("<p>More</p><p>Hidden.</p>")],
        id="details",
    ),
    pytest.param(
        '<!-- wp:paragraph --><p>Claim<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">'
        "1</a></sup>.</p><!-- /wp:paragraph --><!-- wp:footnotes /-->",
        [paragraph('<p>Claim<a href="#f1">1</a>.</p><ol><li>A <em>note</em>.</li></ol>')],
        id="footnotes",
    ),
    pytest.param(
        '<!-- wp:block {"ref":50} /-->',
        [paragraph("<p>Shared <em>words</em>.</p>")],
        id="reusable block expanded",
    ),
]


@pytest.mark.parametrize(("html", "expected"), BLOCKS)
def test_core_blocks(html, expected):
    blocks, warnings = convert(html)
    assert blocks == expected
    assert warnings == []


def test_dynamic_blocks_and_missing_reusable_blocks_are_reported():
    blocks, warnings = convert(
        '<!-- wp:latest-posts /--><!-- wp:block {"ref":51} /--><!-- wp:query --><div '
        'class="wp-block-query"><!-- wp:post-title /--><!-- wp:query-no-results -->'
        "<!-- wp:paragraph --><p>Nothing yet.</p><!-- /wp:paragraph -->"
        "<!-- /wp:query-no-results -->"
        "</div><!-- /wp:query -->"
    )
    assert blocks == [paragraph("<p>Nothing yet.</p>")]
    assert warnings == [
        "dynamic block dropped",
        "reusable block missing",
        "dynamic block dropped",
        "dynamic block dropped",
        "dynamic block dropped",
    ]


def test_a_linked_image_pointing_elsewhere_is_reported():
    _blocks, warnings = convert(
        '<a href="https://example.org/shop"><img class="wp-image-7" src="photo-7.jpg"/></a>'
    )
    assert warnings == ["image link dropped"]


def test_a_long_caption_goes_on_below_the_photo():
    caption = "word " * 60
    blocks, _ = convert(
        f'[caption id="attachment_7"]<img class="wp-image-7" src="photo-7.jpg"/> {caption}'
        "[/caption]"
    )
    kept = blocks[0]["value"]["caption"]
    assert len(kept) <= 255 and kept.endswith("…")
    assert blocks[1] == paragraph(f"<p>…{'word ' * (60 - kept.count('word'))}".rstrip() + "</p>")
