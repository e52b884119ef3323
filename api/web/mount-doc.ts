import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { completeOpenApi } from "../routes/openapi-details.js";

type DocConfig = Parameters<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>[0];

interface DocAsset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Made on first request: the bundle is 1.7 MB, about 0.5 MB gzipped. */
  gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * Starts Swagger UI against our document (a file, not an inline script). No deep links: with
 * them every operation's path is a link inside its expand button (nested controls, tiny targets).
 */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: false });\n`;
/** Contrast fixes over Swagger UI's own stylesheet (its grey texts fall below 4.5:1). */
const DOC_CSS = `.swagger-ui .opblock-tag small,.swagger-ui .opblock .opblock-summary-description,.swagger-ui .info .base-url,.swagger-ui .parameter__in,.swagger-ui .response-col_links,.swagger-ui .model-title,.swagger-ui .prop-format,.swagger-ui table thead tr th,.swagger-ui .parameter__type{color:#3b4151}
.swagger-ui .opblock .opblock-summary-path,.swagger-ui .opblock .opblock-summary-method{color:#0b0c0c}
.swagger-ui .info .title small{background:#3b4151}.swagger-ui .info .title small.version-stamp{background:#00703c}.swagger-ui .info .title small pre{color:#fff}
.swagger-ui .info .url,.swagger-ui .info a{color:#0b4f8a}
.swagger-ui .btn.authorize{color:#00703c;border-color:#00703c}.swagger-ui .btn.authorize span{color:#00703c}.swagger-ui .btn.authorize svg{fill:#00703c}
.swagger-ui .json-schema-2020-12-expand-deep-button{color:#3b4151}
`;

let assets: Map<string, DocAsset> | undefined;

/** Swagger UI's files, read once from the installed swagger-ui-dist package: /doc needs no network. */
function docAssets(): Map<string, DocAsset> {
  if (assets) return assets;
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const file = (name: string, type: string): [string, DocAsset] => [name, { body: new Uint8Array(readFileSync(join(dir, name))), type }];
  const own = (name: string, body: string, type: string): [string, DocAsset] => [name, { body: new TextEncoder().encode(body), type }];
  assets = new Map([
    file("swagger-ui.css", "text/css; charset=utf-8"),
    file("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
    file("favicon-32x32.png", "image/png"),
    own("doc.js", INIT_SCRIPT, "text/javascript; charset=utf-8"),
    own("doc.css", DOC_CSS, "text/css; charset=utf-8"),
  ]);
  return assets;
}

/** The page: Swagger UI from /doc/assets, our document from /openapi.json; without script, a link to the document. */
function docPage(version: string): string {
  const asset = (name: string) => `/doc/assets/${name}?v=${version}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>par-index API</title>
<link rel="icon" href="${asset("favicon-32x32.png")}">
<link rel="stylesheet" href="${asset("swagger-ui.css")}">
<link rel="stylesheet" href="${asset("doc.css")}">
</head>
<body>
<main id="swagger-ui"><noscript><p>The API documentation needs JavaScript. The OpenAPI document itself is at <a href="/openapi.json">/openapi.json</a>.</p></noscript></main>
<script src="${asset("swagger-ui-bundle.js")}"></script>
<script src="${asset("doc.js")}"></script>
</body>
</html>
`;
}

/**
 * The API documentation: `/openapi.json` (generated from the routes, completed with the
 * precondition headers, upload bodies and response shapes of api/routes/openapi-details.ts)
 * and `/doc`, Swagger UI served from the installed package, so it works on an intranet or offline.
 */
export function mountDoc(app: OpenAPIHono<AppEnv>, config: DocConfig): void {
  const files = docAssets();
  const version = config.info.version.replace(/[^\w.-]/g, "");
  /** Made on first request, once every route is registered. */
  let document: unknown;
  const openApi = () => {
    if (document === undefined) document = completeOpenApi(app.getOpenAPI31Document(config));
    return document;
  };
  app.get("/openapi.json", (c) => c.json(openApi()));
  app.get("/doc", (c) => c.html(docPage(version)));
  app.get("/doc/assets/:name", (c) => {
    const asset = files.get(c.req.param("name"));
    if (!asset) return c.notFound();
    const headers: Record<string, string> = { "content-type": asset.type, "cache-control": "public, max-age=86400", vary: "accept-encoding" };
    if (asset.body.length > 1024 && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
      asset.gzipped ??= new Uint8Array(gzipSync(asset.body));
      headers["content-encoding"] = "gzip";
      return c.body(asset.gzipped, 200, headers);
    }
    return c.body(asset.body, 200, headers);
  });
}
