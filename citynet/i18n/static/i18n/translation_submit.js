// The translator's "Submit for approval" is disabled while segments are still to translate, as
// the server counts them (the status report's count: the slug is not one). wagtail-localize's
// editor saves (PUT) or empties (DELETE) each segment with a request of its own; once one has
// answered, the footer is drawn again by the server, with the count as it now stands. Decision
// 0310.
(() => {
  let footer = document.querySelector("footer[data-i18n-refresh-url]");
  if (!footer) return;
  const refreshUrl = footer.dataset.i18nRefreshUrl;
  const segmentSave = /\/localize\/translate\/\d+\/strings\/\d+\/edit\/$/;
  let latest = 0;

  const redraw = async () => {
    const asked = ++latest;
    const response = await fetch(refreshUrl, { credentials: "same-origin" });
    const html = await response.text();
    if (!response.ok || asked !== latest) return; // a later redraw answers for both
    const drawn = document.createElement("template");
    drawn.innerHTML = html;
    const replacement = drawn.content.querySelector("footer");
    if (!replacement) return;
    footer.replaceWith(replacement);
    footer = replacement;
  };

  // The editor's requests are its own (React's state), sent with the page's fetch: watching that
  // tells when one has answered. (Its DELETEs, unlike its PUTs, reached no PerformanceObserver.)
  const fetchOfThePage = window.fetch;
  window.fetch = async (resource, options) => {
    const response = await fetchOfThePage(resource, options);
    const url = new URL(resource instanceof Request ? resource.url : resource, window.location.href);
    if (segmentSave.test(url.pathname)) redraw();
    return response;
  };
})();
