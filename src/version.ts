/** Stamped on every score report, so a stored report names the engine that produced it. */
export const ENGINE = { name: "par-index", version: "0.1.0" } as const;
