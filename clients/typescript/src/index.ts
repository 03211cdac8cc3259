/**
 * A typed client of the CityNet content API (v2). Every type comes from src/v2.d.ts, which
 * `npm run generate` writes from the committed OpenAPI description (docs/openapi-v2.json).
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./v2.js";

type Schemas = components["schemas"];
export type Image = Schemas["Image"];
export type ArticlePage = Schemas["blog.ArticlePage"];
export type Page = paths["/pages/{id}/"]["get"]["responses"]["200"]["content"]["application/json"];

/** A client of the API of the site at `siteUrl`, e.g. https://cms.example.org */
export function createCityNetClient(siteUrl: string) {
  return createClient<paths>({ baseUrl: new URL("/api/v2", siteUrl).href });
}

export function isArticle(page: Page): page is ArticlePage {
  return page.meta.type === "blog.ArticlePage";
}

/** Body blocks hold any JSON: an image block's value is an Image. */
export function isImage(value: unknown): value is Image {
  return typeof value === "object" && value !== null && "renditions" in value;
}
