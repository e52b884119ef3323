/** A signed-in browser's session as the pages see it (the cookie's id is never kept). */
export interface WebSession {
  /** sha256 of the cookie's id (what the sessions table stores). */
  idHash: string;
  csrf: string;
  expiresAt: string;
}
