/**
 * The first city admin of a production instance: `npm run create-admin -- USERNAME [PASSWORD]`
 * (the password is prompted, without echo, when not given).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { organizations, users } from '../db/schema';
import { readEnv } from '../server/env';
import { hashPassword, passwordProblem } from '../server/lib/password';

async function prompt(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const [username, given] = process.argv.slice(2);
if (!username || !/^[A-Za-z0-9_.-]{3,40}$/.test(username)) {
  console.error('用法 / usage: npm run create-admin -- USERNAME [PASSWORD]');
  process.exit(2);
}
const password = given ?? (await prompt('密码 / password: '));
const problem = passwordProblem(password, { username });
if (problem) {
  console.error(problem);
  process.exit(2);
}

const env = readEnv();
fs.mkdirSync(env.dataDir, { recursive: true });
const db = openDb(path.join(env.dataDir, 'app.db'));
migrateDb(db);
let city = db.select().from(organizations).where(eq(organizations.level, 1)).get();
if (!city) {
  const row = db
    .insert(organizations)
    .values({ name: '昆明市总工会', kind: 'city', level: 1, code: 'city', path: '' })
    .returning()
    .get();
  db.update(organizations)
    .set({ path: `/${row.id}/` })
    .where(eq(organizations.id, row.id))
    .run();
  city = row;
}
if (db.select().from(users).where(eq(users.username, username)).get()) {
  console.error(`用户 ${username} 已存在`);
  process.exit(1);
}
db.insert(users)
  .values({
    username,
    displayName: username,
    role: 'city_admin',
    organizationId: city.id,
    passwordHash: hashPassword(password),
  })
  .run();
console.log(`已创建市总工会管理员 ${username}`);
