"""
WordPress's `wpautop()` (wp-includes/formatting.php), rule for rule, in Python.

Classic-editor posts are stored without `<p>`: WordPress adds them on display. A double line
break ends a paragraph, a single one is a `<br />`, block-level elements are never wrapped in a
paragraph, and `<pre>` is left exactly as written. Inline markup stays where it was, inside its
paragraph. The importer expands shortcodes first (into block-level `<figure>` and `<wxr-…>`
elements), as WordPress's `shortcode_unautop()` leaves a shortcode alone on its line unwrapped.
"""

import re

# WordPress's block-level elements, plus the importer's own shortcode placeholders.
BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|"
    r"map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|"
    r"hgroup|header|footer|nav|figure|figcaption|details|menu|summary|wxr-[a-z]+)"
)
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]*>", re.DOTALL)
NEWLINE_PLACEHOLDER = " <!-- wpnl --> "


def wpautop(text):
    if not text.strip():
        return ""
    text = text + "\n"
    # <pre> is set aside and put back untouched at the end.
    pre_tags = {}

    def keep_pre(match):
        name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
        pre_tags[name] = match.group(0)
        return name

    text = PRE.sub(keep_pre, text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(r"(<" + BLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = re.sub(r"(</" + BLOCKS + r">)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A line break inside a tag (between attributes) is not a line of text.
    text = TAG.sub(lambda match: match.group(0).replace("\n", NEWLINE_PLACEHOLDER), text)
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join("<p>" + p.strip("\n") + "</p>\n" for p in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + BLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    # Remaining single line breaks are <br />, except inside script, style, svg and math.
    text = re.sub(
        r"<(script|style|svg|math).*?</\1>",
        lambda match: match.group(0).replace("\n", "<WPPreserveNewline />"),
        text,
        flags=re.DOTALL,
    )
    text = text.replace("<br>", "<br />")
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(r"(</?" + BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, pre in pre_tags.items():
        text = text.replace(name, pre)
    return text.replace(NEWLINE_PLACEHOLDER, "\n").replace("<!-- wpnl -->", "\n")
