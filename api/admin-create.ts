import { formatConfigProblems, readConfig } from "./config.js";
import { createAdministrator } from "./services/create-administrator.js";
import { openDatabase } from "./storage/open-database.js";
import { Store } from "./storage/store.js";

/**
 * `npm run admin:create -- "Name"`: creates an administrator in the configured database (the
 * server's configuration: DATABASE_URL and DATABASE_SCHEMA, or DATA_DIR) and prints the token
 * once. Refuses when an administrator exists unless --another is given. Returns the exit code.
 */
export async function adminCreate(
  argv: string[],
  env: Partial<Record<string, string>>,
  out: { log(line: string): void; error(line: string): void },
): Promise<number> {
  const config = readConfig(env);
  if (!config.ok) {
    out.error(formatConfigProblems(config.problems));
    return 2;
  }
  const another = argv.includes("--another");
  const name =
    argv
      .filter((a) => !a.startsWith("--"))
      .join(" ")
      .trim() || "Administrator";
  const database = await openDatabase(config.value.database);
  try {
    const store = new Store(database.db, database.dialect);
    if (!another && (await store.countUsers("admin")) > 0) {
      out.error(
        "đã có quản trị viên: tạo người dùng bằng POST /users, hoặc thêm --another / an administrator already exists: create users with POST /users, or pass --another to add one more administrator",
      );
      return 1;
    }
    const { id, token, expiresAt } = await createAdministrator(store, new Date(), name, "admin", null, config.value.limits.tokenDays);
    out.log(`administrator ${name} (${id}) created in ${database.describe}\ntoken (shown once, keep it safe; expires ${expiresAt}): ${token}`);
    return 0;
  } finally {
    await database.close();
  }
}
