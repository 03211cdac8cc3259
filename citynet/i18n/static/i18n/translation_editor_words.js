// wagtail-localize's translation editor builds the heading above its segments in English
// whatever the editor's language ("영어 to 한국어 translation"). The page carries that heading
// and the editor's own words for it (citynet/i18n/editor_words.py); this puts them in its place,
// again whenever the editor renders anew. Decision 0276.
(() => {
  const words = document.getElementById("i18n-translation-editor-words");
  const editor = document.querySelector(".js-translation-editor");
  if (!words || !editor) return;
  const { english, translated } = JSON.parse(words.textContent);
  if (english === translated) return;
  const translate = () => {
    for (const heading of editor.querySelectorAll("h3")) {
      const text = heading.firstChild;
      if (heading.childNodes.length === 1 && text.nodeValue === english) {
        text.nodeValue = translated; // the text node React keeps: it is not replaced
      }
    }
  };
  new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
  translate();
})();
