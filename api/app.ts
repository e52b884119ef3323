import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ENGINE } from "../src/version.js";
import type { AppEnv } from "./app-env.js";
import { authenticate } from "./auth/authenticate.js";
import { ApiError, type ErrorCode, errorEnvelope } from "./errors.js";
import { mountAssessments } from "./routes/assessments.js";
import { mountCampaigns } from "./routes/campaigns.js";
import { mountCriteria } from "./routes/criteria.js";
import { mountDoc } from "./routes/doc.js";
import { mountEvidence } from "./routes/evidence.js";
import { mountUnits } from "./routes/units.js";
import { type Services, createServices } from "./services/create-services.js";
import { DEFAULT_LIMITS, type Limits } from "./services/service-deps.js";
import type { Store } from "./storage/store.js";

/** The app's needs: the service graph already built (the server builds it once), or what to build it from (tests). */
export type AppDeps = (
  | { services: Services }
  | {
      store: Store;
      /** The clock: tests pass a fixed one. */
      now: () => Date;
      limits?: Partial<Limits>;
    }
) & {
  /** Where unexpected errors are reported (never to the client). */
  logError?: (error: unknown) => void;
};

/** Builds the HTTP API; never listens (api/server.ts does). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const services = "services" in deps ? deps.services : createServices({ store: deps.store, now: deps.now, limits: { ...DEFAULT_LIMITS, ...deps.limits } });
  const { limits } = services.deps;
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const problems = result.error.issues.map((issue) => ({ path: [result.target === "json" ? "" : result.target, ...issue.path.map(String)].filter(Boolean).join("."), message: issue.message, code: issue.code }));
      throw new ApiError("invalid-request", `the request has ${problems.length} problem(s)`, { problems });
    },
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorEnvelope(error.code, error.message, error.details), error.status);
    if (error instanceof HTTPException) {
      const code = httpCode(error.status);
      const message = error.status === 413 ? `the request body is too large (limit ${limits.maxBodyBytes} bytes, files ${limits.maxFileBytes})` : error.message || code;
      return c.json(errorEnvelope(code, message), error.status as ContentfulStatusCode);
    }
    logError(error);
    return c.json(errorEnvelope("internal", "an internal error occurred; it has been logged"), 500);
  });
  app.notFound((c) => c.json(errorEnvelope("not-found", `no route ${c.req.method} ${c.req.path}; see /doc`), 404));

  app.use("*", secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  const jsonLimit = bodyLimit({ maxSize: limits.maxBodyBytes, onError: () => { throw new HTTPException(413); } });
  const fileLimit = bodyLimit({ maxSize: limits.maxFileBytes, onError: () => { throw new HTTPException(413); } });
  app.use("*", (c, next) => (c.req.path.endsWith("/file") ? fileLimit : jsonLimit)(c, next));
  app.use("*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  app.use("*", authenticate);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.get("/health", (c) => c.json({ status: "ok", engine: ENGINE }));
  mountCriteria(app);
  mountUnits(app);
  mountCampaigns(app);
  mountAssessments(app);
  mountEvidence(app);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "par-index assessment service", version: ENGINE.version, description: "PAR INDEX (Chỉ số CCHC) campaigns: self-assessment, appraisal rounds, explanation, finalisation, publication. Errors: { error: { code, message, problems?, current? } }." },
  });
  mountDoc(app);
  return app;
}

/** Pages and the API docs load only same-origin files; Swagger UI styles elements inline and shows data: images. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", "data:"], connectSrc: ["'self'"],
  fontSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

function httpCode(status: number): ErrorCode {
  if (status === 413) return "payload-too-large";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 415) return "unsupported-media-type";
  if (status === 429) return "too-many-requests";
  return status >= 500 ? "internal" : "invalid-request";
}
