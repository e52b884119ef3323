import type { Actor } from "../auth/actor.js";
import type { Store } from "../storage/store.js";

export interface AuditEvent {
  action: string;
  campaignId?: string | null;
  unitCode?: string | null;
  code?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null | undefined;
}

/** Appends one line to the audit trail, inside the caller's transaction. */
export async function recordAudit(store: Store, actor: Actor, at: Date, event: AuditEvent): Promise<void> {
  await store.appendAudit({
    at: at.toISOString(),
    actor: actor.id,
    role: actor.role,
    action: event.action,
    campaign_id: event.campaignId ?? null,
    unit_code: event.unitCode ?? null,
    code: event.code ?? null,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
    reason: event.reason ?? null,
  });
}
