import { join, resolve } from "node:path";
import { createAdministrator } from "./services/create-administrator.js";
import { openDatabase } from "./storage/open-database.js";
import { Store } from "./storage/store.js";

/**
 * `npm run admin:create -- "Name"`: creates an administrator in the configured database
 * (DATABASE_URL or DATA_DIR, as the server) and prints the token once. Refuses when an
 * administrator exists unless --another is given.
 */
async function main(argv: string[]): Promise<number> {
  const another = argv.includes("--another");
  const name = argv.filter((a) => !a.startsWith("--")).join(" ").trim() || "Administrator";
  const env = process.env;
  const database = await openDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "sqlite", file: join(resolve(env.DATA_DIR ?? "data"), "par.sqlite") });
  try {
    const store = new Store(database.db, database.dialect);
    if (!another && (await store.countUsers("admin")) > 0) {
      console.error("an administrator already exists: create users with POST /users, or pass --another to add one more administrator");
      return 1;
    }
    const { id, token } = await createAdministrator(store, new Date(), name);
    console.log(`administrator ${name} (${id}) created in ${database.describe}\ntoken (shown once, keep it safe): ${token}`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
