// npm run user:create -- --email E --name N --role viewer|educator|editor|reviewer|admin --password P
import { parseArgs } from "node:util";
import { createUser, DuplicateUserError, NewUserSchema } from "../app/auth/users.server";
import { prepareDatabase } from "../app/startup/prepare.server";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
  },
});
const parsed = NewUserSchema.safeParse(values);
if (!parsed.success) {
  console.error(
    `user:create: ${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; ")}`,
  );
  console.error(
    "usage: npm run user:create -- --email E --name N --role viewer|educator|editor|reviewer|admin --password P",
  );
  process.exit(2);
}
try {
  await prepareDatabase();
  const user = await createUser(parsed.data);
  console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
} catch (error) {
  if (error instanceof DuplicateUserError) {
    console.error(`user:create: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
