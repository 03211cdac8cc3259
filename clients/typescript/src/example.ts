/**
 * What a front end does with the client: list the newest articles in a language, following the
 * fallback for those not yet translated, then render one article with its images.
 *   npm run example -- http://127.0.0.1:8000 ko
 */
import { createCityNetClient, isArticle, isImage } from "./index.js";

const [siteUrl = "http://127.0.0.1:8000", language = "ko"] = process.argv.slice(2);
const api = createCityNetClient(siteUrl);

// The newest articles in `language`; an article without a version in it comes in the nearest
// language of its fallback chain, with meta.fallback_from saying so.
const listing = await api.GET("/pages/", {
  params: {
    query: {
      type: "blog.ArticlePage",
      locale: language,
      fallback: "true",
      order: "-date_published",
      limit: 10,
    },
  },
});
if (listing.error) throw new Error(listing.error.message);
console.log(`${listing.data.meta.total_count} articles in ${language}, with the fallback:`);
for (const item of listing.data.items) {
  const note = item.meta.fallback_from ? ` (not in ${language} yet: ${item.meta.locale})` : "";
  console.log(`- ${item.title}${note}`);
}

// One article in full: it's in `language` itself, not a fallback.
const first = listing.data.items.find((item) => !item.meta.fallback_from);
if (!first) throw new Error(`No article in ${language}`);
const detail = await api.GET("/pages/{id}/", { params: { path: { id: first.id } } });
if (detail.error) throw new Error(detail.error.message);
const article = detail.data;
if (!isArticle(article)) throw new Error(`${article.meta.type} is not an article`);

console.log(`\n# ${article.title} [${article.meta.locale}]`);
console.log(article.standfirst ?? "");
if (article.hero_image) {
  const { url, width, height } = article.hero_image.renditions.full_width;
  console.log(`<img src="${url}" width="${width}" height="${height}" alt="${article.hero_image.alt}">`);
}
for (const block of article.body ?? []) {
  if (isImage(block.value)) {
    console.log(`<img src="${block.value.renditions.card.url}" alt="${block.value.alt}">`);
  }
}
const others = (article.meta.translations ?? []).map((translation) => translation.locale);
console.log(`Also in: ${others.join(", ")}`);
