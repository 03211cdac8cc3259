"""Post content to typed blocks: each rule of docs/import.md, without a database."""

from types import SimpleNamespace

import pytest

from wordpress.content import ContentConverter


class Images:
    """Attachments 7, 8 and 9 exist; 9's file is missing; anything else is not in the export."""

    def by_id(self, attachment_id):
        if attachment_id not in (7, 8, 9):
            raise KeyError(attachment_id)
        return None if attachment_id == 9 else SimpleNamespace(pk=attachment_id * 100)

    def by_url(self, url):
        if "photo-7" in url:
            return self.by_id(7)
        raise KeyError(url)


def convert(html, attachments=()):
    warnings = []
    blocks = ContentConverter(Images(), lambda kind, detail: warnings.append(kind), attachments)
    return blocks.convert(html), warnings


def types(blocks):
    return [block["type"] for block in blocks]


def test_classic_paragraphs_headings_and_lists():
    blocks, warnings = convert(
        "First line\nsame paragraph.\n\nSecond <strong>bold</strong>.\n\n<h1>Big</h1>\n"
        "<h3>Small</h3>\n<ul><li>one</li><li>two</li></ul>"
    )
    assert types(blocks) == ["paragraph", "heading", "heading", "paragraph"]
    assert (
        blocks[0]["value"]
        == "<p>First line<br/>\nsame paragraph.</p><p>Second <strong>bold</strong>.</p>"
    )
    assert blocks[1]["value"] == {"text": "Big", "level": "h2"}
    assert blocks[2]["value"]["level"] == "h3"
    assert blocks[3]["value"] == "<ul><li>one</li><li>two</li></ul>"
    assert warnings == []


def test_gutenberg_paragraphs_and_headings():
    blocks, _ = convert(
        "<!-- wp:paragraph --><p>Intro</p><!-- /wp:paragraph -->\n"
        '<!-- wp:heading {"level":4} --><h4>Part</h4><!-- /wp:heading -->'
    )
    assert blocks == [
        {"type": "paragraph", "value": "<p>Intro</p>"},
        {"type": "heading", "value": {"text": "Part", "level": "h4"}},
    ]


def test_caption_shortcode_becomes_an_image_with_its_caption():
    blocks, _ = convert(
        '[caption id="attachment_7" align="alignnone" width="300"]<a href="x">'
        '<img class="size-medium" src="https://blog.example.org/photo-7-300x200.jpg" /></a>'
        " The harbour at dawn[/caption]"
    )
    assert blocks == [{"type": "image", "value": {"image": 700, "caption": "The harbour at dawn"}}]


def test_gutenberg_image_block():
    blocks, _ = convert(
        '<!-- wp:image {"id":8} --><figure class="wp-block-image"><img src="a.jpg" '
        'class="wp-image-8"/><figcaption>Market day</figcaption></figure><!-- /wp:image -->'
    )
    assert blocks == [{"type": "image", "value": {"image": 800, "caption": "Market day"}}]


def test_gallery_shortcode_and_block_become_galleries():
    shortcode, _ = convert('[gallery ids="7,8"]')
    block, _ = convert(
        '<!-- wp:gallery --><figure class="wp-block-gallery"><figure><img class="wp-image-7"/>'
        '</figure><figure><img class="wp-image-8"/><figcaption>Two</figcaption></figure>'
        "</figure><!-- /wp:gallery -->"
    )
    post_attachments, _ = convert("[gallery]", attachments=[8, 7])
    assert shortcode[0]["type"] == block[0]["type"] == post_attachments[0]["type"] == "gallery"
    assert [item["image"] for item in shortcode[0]["value"]["images"]] == [700, 800]
    assert block[0]["value"]["images"][1] == {"image": 800, "caption": "Two"}
    assert [item["image"] for item in post_attachments[0]["value"]["images"]] == [800, 700]


def test_a_gallery_left_with_one_photo_shows_it_alone():
    blocks, _ = convert('[gallery ids="7,9"]')  # 9's file is missing
    assert types(blocks) == ["image"]


def test_quotes_and_pull_quotes():
    blocks, _ = convert(
        '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Cities learn.</p>'
        "<cite>A mayor</cite></blockquote><!-- /wp:quote -->"
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Big idea</p>'
        "</blockquote></figure><!-- /wp:pullquote -->"
    )
    assert blocks == [
        {"type": "pull_quote", "value": {"quote": "Cities learn.", "name": "A mayor", "role": ""}},
        {"type": "pull_quote", "value": {"quote": "Big idea", "name": "", "role": ""}},
    ]


def test_bare_oembed_urls_and_embed_blocks_become_embeds():
    blocks, warnings = convert(
        "Watch this:\n\nhttps://www.youtube.com/watch?v=nwe-H6l4beM\n\n"
        '<!-- wp:embed {"url":"https://vimeo.com/22439234"} --><figure class="wp-block-embed">'
        '<div class="wp-block-embed__wrapper">https://vimeo.com/22439234</div></figure>'
        "<!-- /wp:embed -->\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]"
    )
    assert types(blocks) == ["paragraph", "embed", "embed", "embed"]
    assert blocks[1]["value"] == "https://www.youtube.com/watch?v=nwe-H6l4beM"
    assert blocks[2]["value"] == "https://vimeo.com/22439234"
    assert warnings == []


def test_an_address_no_provider_embeds_stays_a_link():
    blocks, warnings = convert('<!-- wp:embed {"url":"https://example.org/x"} /-->')
    assert blocks == [
        {
            "type": "paragraph",
            "value": '<p><a href="https://example.org/x">https://example.org/x</a></p>',
        }
    ]
    assert warnings == ["embed kept as a link"]


def test_tables_are_kept():
    blocks, _ = convert(
        '<figure class="wp-block-table"><table><tr><th>City</th><th>People</th></tr>'
        "<tr><td>Seoul</td><td>9.4m</td></tr></table><figcaption>Sizes</figcaption></figure>"
    )
    assert blocks == [
        {
            "type": "table",
            "value": {
                "data": [["City", "People"], ["Seoul", "9.4m"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Sizes",
            },
        }
    ]


def test_unknown_blocks_are_kept_as_rich_text_with_a_warning():
    blocks, warnings = convert(
        '<!-- wp:acme/notice --><div class="acme">Roses<br>are red</div><!-- /wp:acme/notice -->'
        "<!-- wp:latest-posts /-->\n\n[contact-form id=1]"
    )
    assert blocks[0]["value"].startswith("<p>Roses<br/>are red</p>")
    assert "[contact-form id=1]" in blocks[0]["value"]
    assert sorted(set(warnings)) == [
        "dynamic block dropped", "unknown shortcode", "unsupported block",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script><p>Text</p>",
        '<p onclick="alert(1)">Text</p>',
        '<p><a href="javascript:alert(1)">Text</a></p>',
        '<p><a href="JaVa&#x09;script:alert(1)" onmouseover="alert(1)">Text</a></p>',
        '<p><img src="x" onerror="alert(1)">Text</p><style>p{}</style>'
        '<iframe src="javascript:alert(1)"></iframe>',
    ],
)
def test_scripts_event_handlers_and_javascript_links_never_survive(html):
    blocks, _ = convert(html)
    text = str(blocks).lower()
    assert "text" in text
    assert "script" not in text and "alert" not in text and "onclick" not in text


def test_more_and_nextpage_markers():
    blocks, warnings = convert("Teaser\n<!--more-->\nRest\n<!--nextpage-->\nPage two")
    assert blocks == [{"type": "paragraph", "value": "<p>Teaser</p><p>Rest</p><p>Page two</p>"}]
    assert warnings == ["pages joined"]


def test_images_not_in_the_export_are_reported_never_fetched():
    blocks, warnings = convert('<p><img src="https://elsewhere.example/cat.jpg"> Caption</p>')
    assert types(blocks) == ["paragraph"]
    assert warnings == ["external image not imported"]
