/** The backends the store runs on; imported by every storage module, importing none (as kysely's dialect types). */
export type DialectName = "sqlite" | "postgres";
