import { adminCreate } from "./admin-create.js";

adminCreate(process.argv.slice(2), process.env, { log: (line) => console.log(line), error: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`admin:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
