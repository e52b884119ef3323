import type { Actor } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import type { ServiceDeps } from "./service-deps.js";

export interface AuditQuery {
  campaignId?: string | undefined;
  unitCode?: string | undefined;
  code?: string | undefined;
  after?: number | undefined;
  limit?: number | undefined;
}

/** Reading the audit trail: one unit's (staff and the unit) or all of it (staff), oldest first, in pages. */
export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, filter: AuditQuery) {
    if (filter.unitCode !== undefined) requireUnitAccess(actor, filter.unitCode);
    else requireRole(actor, "admin", "scorer");
    const rows = await this.deps.store.listAudit({ ...stripUndefined(filter), limit: Math.min(filter.limit ?? 100, 1000) });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      role: r.role,
      action: r.action,
      campaignId: r.campaign_id,
      unitCode: r.unit_code,
      code: r.code,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
      reason: r.reason,
    }));
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
