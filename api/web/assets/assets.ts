import { createHash } from "node:crypto";
import { ENHANCE_SCRIPT } from "./enhance.js";
import { STYLES } from "./styles.js";

/** A static asset served by the app (no CDN): its body, type and a content hash for caching. */
export interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"` };
}

export const ASSETS: Record<string, Asset> = {
  "app.css": asset(STYLES, "text/css; charset=utf-8"),
  "app.js": asset(ENHANCE_SCRIPT, "text/javascript; charset=utf-8"),
};

/** Where pages link the assets; the hash in the query lets browsers cache them for a year. */
export const ASSET_PATHS = {
  styles: `/assets/app.css?v=${ASSETS["app.css"]!.etag.slice(1, 9)}`,
  script: `/assets/app.js?v=${ASSETS["app.js"]!.etag.slice(1, 9)}`,
};
