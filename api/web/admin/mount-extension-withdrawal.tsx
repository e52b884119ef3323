import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import { DEADLINE_ROUNDS, type DeadlineName } from "../../services/workflow.js";
import type { FormError } from "../form-parts.js";
import { expired, problemsAsErrors } from "../mount-account.js";
import { csrfValid, field, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { ExtensionWithdrawalPage } from "./extension-withdrawal-page.js";

const PATH = "/admin/campaigns/:id/extensions/:unit/:round/withdraw";

/**
 * `/admin/campaigns/{id}/extensions/{unit}/{round}/withdraw`: the administrator takes one unit's
 * extension back with a reason, after a confirmation page (the service checks the role, refuses an
 * extension that does not exist, and audits it); the campaign page links it beside each extension.
 */
export function mountExtensionWithdrawal(app: OpenAPIHono<AppEnv>): void {
  app.get(PATH, async (c) => {
    try {
      return await withdrawalPage(c, [], "");
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post(PATH, async (c) => {
    const lang = pageLang(c);
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const { id, unit } = c.req.param();
    const reason = field(form, "reason");
    try {
      await c.var.services.deadlines.withdraw(c.var.actor, id, unit, roundOf(c), reason);
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=withdrawn`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input")
        return withdrawalPage(
          c,
          problemsAsErrors(error, lang, (path) => path),
          reason,
          422,
        );
      return refusal(c, error);
    }
  });
}

function roundOf(c: Context<AppEnv>): DeadlineName {
  const round = c.req.param("round") as DeadlineName;
  if (!DEADLINE_ROUNDS.includes(round)) throw new ApiError("not-found", { en: `round ${round} does not exist`, vi: `không có vòng ${round}` });
  return round;
}

async function withdrawalPage(c: Context<AppEnv>, errors: FormError[], reason: string, status: 200 | 422 = 200) {
  const lang = pageLang(c);
  const { id, unit } = c.req.param() as { id: string; unit: string };
  const round = roundOf(c);
  const overview = await c.var.services.campaigns.overview(c.var.actor, id);
  const extension = overview.extensions.find((e) => e.unitCode === unit && e.round === round);
  if (!extension)
    throw new ApiError("not-found", {
      en: `unit ${unit} has no extension of this round in campaign ${id}`,
      vi: `đơn vị ${unit} không được gia hạn vòng này trong đợt ${id}`,
    });
  return page(
    c,
    `${lang === "vi" ? "Thu hồi gia hạn" : "Withdraw an extension"}: ${unit}`,
    <ExtensionWithdrawalPage lang={lang} csrf={c.var.session?.csrf ?? ""} overview={overview} extension={extension} errors={errors} reason={reason} />,
    status,
  );
}
