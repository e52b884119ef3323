import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { PASSWORD_MAX_LENGTH } from "../auth/passwords.js";
import { errors, json, signedIn } from "./http.js";

const Body = z
  .object({
    login: z.string().max(60).optional().openapi({ description: "the sign-in name (3–60 of a–z 0–9 . _ -); required the first time", example: "phuong15" }),
    password: z.string().max(PASSWORD_MAX_LENGTH).openapi({ description: "at least 10 characters, not containing the login name" }),
  })
  .strict()
  .openapi("SetPassword");

/** The administrator sets or resets a user's login name and password for the web pages. */
export function mountPasswords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "put",
      path: "/users/{id}/password",
      tags: ["users"],
      ...signedIn,
      summary: "Set or reset a user's login name and password (admin); the user's sessions end",
      request: { params: z.object({ id: z.string() }), body: { required: true, content: { "application/json": { schema: Body } } } },
      responses: { 200: json("the user id and login name"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { login, password } = c.req.valid("json");
      return c.json(await c.var.services.accounts.setPassword(c.var.actor, c.req.valid("param").id, login, password), 200);
    },
  );
}
