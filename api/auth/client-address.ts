import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address of the peer that sent the request (the socket's, never a header a client can
 * forge), or "local" when the app is called without a socket (`app.request` in tests).
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
