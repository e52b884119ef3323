/** A signed-in web session as the pages see it (the cookie itself is never stored). */
export interface WebSession {
  /** sha256 of the cookie's id (what the table stores). */
  idHash: string;
  csrf: string;
  expiresAt: string;
}
