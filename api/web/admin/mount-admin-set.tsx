import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.js";
import { mountAdminCriteria } from "./mount-admin-criteria.js";
import { mountAdminUnits } from "./mount-admin-units.js";

/** The administrator's pages for the year's criteria sets and the province's units (authorisation in the services). */
export function mountAdminSet(app: OpenAPIHono<AppEnv>): void {
  mountAdminCriteria(app);
  mountAdminUnits(app);
}
