import type { Actor } from "./auth/actor.js";
import type { WebSession } from "./services/account-service.js";
import type { Services } from "./services/create-services.js";

/** What every request handler can read: the caller and the services. */
export interface AppEnv {
  Variables: { actor: Actor; services: Services; session: WebSession | null };
}
