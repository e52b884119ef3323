import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { getAbsoluteFSPath } from "swagger-ui-dist";
import type { AppEnv } from "../app-env.js";

/** The files of the API documentation page: Swagger UI from the installed package, served by the app (no CDN, same origin). */
const ASSETS: Record<string, string> = { "swagger-ui.css": "text/css; charset=utf-8", "swagger-ui-bundle.js": "text/javascript; charset=utf-8" };
const INIT = 'window.onload = () => { window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true }); };\n';
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>par-index API</title>
<link rel="stylesheet" href="/doc/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/doc/swagger-ui-bundle.js"></script><script src="/doc/init.js"></script></body>
</html>
`;

/**
 * `/doc`: Swagger UI over `/openapi.json`. Every script is a same-origin file (no inline script),
 * so the page works under the app's Content-Security-Policy (`script-src 'self'`).
 */
export function mountDoc(app: OpenAPIHono<AppEnv>): void {
  const files = new Map<string, string>();
  app.get("/doc", (c) => c.html(PAGE));
  app.get("/doc/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" }));
  app.get("/doc/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}", (c) => {
    const name = c.req.param("file");
    let body = files.get(name);
    if (body === undefined) {
      body = readFileSync(join(getAbsoluteFSPath(), name), "utf8");
      files.set(name, body);
    }
    return c.body(body, 200, { "content-type": ASSETS[name]!, "cache-control": "public, max-age=86400" });
  });
}
