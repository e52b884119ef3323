import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ENGINE } from "../src/index.js";
import type { AppEnv } from "./app-env.js";
import { authenticate } from "./auth/authenticate.js";
import { ApiError, type ErrorCode, errorEnvelope, preferredLanguage } from "./errors.js";
import { refuseNul } from "./refuse-nul.js";
import { mountAssessments } from "./routes/assessments.js";
import { mountCampaigns } from "./routes/campaigns.js";
import { mountCriteria } from "./routes/criteria.js";
import { mountDeadlines } from "./routes/deadlines.js";
import { mountEvidence } from "./routes/evidence.js";
import { mountPasswords } from "./routes/passwords.js";
import { mountSheets } from "./routes/sheets.js";
import { mountSurveyImports } from "./routes/survey-imports.js";
import { mountUnits } from "./routes/units.js";
import { mountWorklist } from "./routes/worklist.js";
import { mountUserAccounts } from "./routes/user-accounts.js";
import { htmlErrors } from "./web/html-errors.js";
import { mountDoc } from "./web/mount-doc.js";
import { mountWeb } from "./web/mount-web.js";
import { type Services, createServices } from "./services/create-services.js";
import { DEFAULT_LIMITS, type Limits } from "./services/service-deps.js";
import { driverErrorKind } from "./storage/driver-error-kind.js";
import type { Store } from "./storage/store.js";
import { zodProblems } from "./zod-problems.js";

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
      // zod-validator passes the validated input as `data`, a failed result too
      const problems = zodProblems(result.error.issues, result.target, (result as { data?: unknown }).data);
      throw new ApiError("invalid-request", { en: `the request has ${problems.length} problem(s)`, vi: `yêu cầu có ${problems.length} lỗi` }, { problems });
    },
  });

  app.onError((error, c) => {
    const lang = preferredLanguage(c.req.header("accept-language"));
    if (error instanceof ApiError) return c.json(errorEnvelope(error.code, error.text, error.details, lang), error.status);
    const kind = driverErrorKind(error);
    if (kind === "invalid-text") {
      const problem = {
        path: "",
        code: "nul-character",
        message: "contains text the database cannot store (such as a NUL character)",
        vi: "có ký tự cơ sở dữ liệu không lưu được (chẳng hạn ký tự NUL)",
      };
      return c.json(
        errorEnvelope("invalid-request", { en: `the request ${problem.message}`, vi: `yêu cầu ${problem.vi}` }, { problems: [problem] }, lang),
        400,
      );
    }
    if (kind) {
      const message = {
        en: "the change conflicts with one made at the same time: reload and try again",
        vi: "thay đổi xung đột với một thay đổi khác cùng lúc: hãy tải lại và thử lại",
      };
      return c.json(errorEnvelope("conflict", message, {}, lang), 409);
    }
    if (error instanceof HTTPException) {
      const code = httpCode(error.status);
      const message =
        error.status === 413
          ? {
              en: `the request body is too large (limit ${limits.maxBodyBytes} bytes, files ${limits.maxFileBytes})`,
              vi: `dữ liệu gửi lên quá lớn (tối đa ${limits.maxBodyBytes} byte, tệp ${limits.maxFileBytes})`,
            }
          : { en: error.message || code, vi: `yêu cầu không thực hiện được (${error.message || code})` };
      return c.json(errorEnvelope(code, message, {}, lang), error.status as ContentfulStatusCode);
    }
    logError(error);
    return c.json(errorEnvelope("internal", { en: "an internal error occurred; it has been logged", vi: "lỗi hệ thống; lỗi đã được ghi lại" }, {}, lang), 500);
  });
  app.notFound((c) => {
    const message = { en: `no route ${c.req.method} ${c.req.path}; see /doc`, vi: `không có đường dẫn ${c.req.method} ${c.req.path}; xem /doc` };
    return c.json(errorEnvelope("not-found", message, {}, preferredLanguage(c.req.header("accept-language"))), 404);
  });

  // same-origin, not the default no-referrer: with no-referrer browsers send `Origin: null` on form posts, which the sign-in's origin check refuses.
  app.use("*", secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: "same-origin" }));
  const jsonLimit = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: () => {
      throw new HTTPException(413);
    },
  });
  const fileLimit = bodyLimit({
    maxSize: limits.maxFileBytes,
    onError: () => {
      throw new HTTPException(413);
    },
  });
  app.use("*", (c, next) => (c.req.path.endsWith("/file") || SURVEY_UPLOAD.test(c.req.path) ? fileLimit : jsonLimit)(c, next));
  app.use("*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  app.use("*", authenticate);
  app.use("*", htmlErrors);
  app.use("*", refuseNul);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.get("/health", (c) => c.json({ status: "ok", engine: ENGINE }));
  mountCriteria(app);
  mountUnits(app);
  mountCampaigns(app);
  mountAssessments(app);
  mountEvidence(app);
  mountPasswords(app);
  mountSheets(app);
  mountWorklist(app);
  mountUserAccounts(app);
  mountDeadlines(app);
  mountSurveyImports(app);
  mountWeb(app);
  mountDoc(app, {
    openapi: "3.1.0",
    info: {
      title: "par-index assessment service",
      version: ENGINE.version,
      description:
        "PAR INDEX (Chỉ số CCHC) campaigns: self-assessment, appraisal rounds, explanation, finalisation, publication. Errors: { error: { code, message, problems?, current? } }.",
    },
  });
  return app;
}

/** Raw survey exports are files: the API's upload and the page's form take the file limit. */
const SURVEY_UPLOAD = /^\/(campaigns\/[^/]+\/survey\/imports|admin\/campaigns\/[^/]+\/survey)$/;

/** Pages and the API docs load only same-origin files; Swagger UI styles elements inline and shows data: images. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
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
