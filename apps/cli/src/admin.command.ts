import { INestApplicationContext } from '@nestjs/common';
import { FirstAdminService, validateAdminRequest } from '@baton/identity';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { read } from 'read';
import { DataSource } from 'typeorm';

export const ADMIN_USAGE = `usage: npm run cli -- admin create --email <email> --name <name> [--grant-existing]
  The password is asked for twice without echo on a terminal, or read from the first line of standard input:
    printf '%s\\n' "$PASSWORD" | npm run cli -- admin create --email … --name …
  --grant-existing  if an account with this email exists, make it an admin (it keeps its password; none is asked)`;

/** A password on the command line would stay in the shell history and the process list. */
const PASSWORD_FLAG = /^--?(p|pass|passwd|password|pw|pwd)(=|$)/i;

export interface AdminArgs {
  email: string;
  name?: string;
  grantExisting: boolean;
}

export function parseAdminArgs(argv: string[]): AdminArgs {
  const args = argv.filter((a) => a !== '--');
  if (args.some((a) => PASSWORD_FLAG.test(a))) {
    throw new Error(`The password is never taken from the command line (it would stay in the shell history and the process list).\n${ADMIN_USAGE}`);
  }
  const [subcommand, ...rest] = args;
  if (subcommand !== 'create') throw new Error(ADMIN_USAGE);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, 'grant-existing': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${ADMIN_USAGE}`, { cause: error });
  }
  if (!values.email) throw new Error(`--email is required\n${ADMIN_USAGE}`);
  const parsed = { email: values.email, name: values.name, grantExisting: values['grant-existing'] ?? false };
  validateAdminRequest({ email: parsed.email, displayName: parsed.name, grantExisting: parsed.grantExisting });
  return parsed;
}

/** From a terminal: asked twice, not echoed. From a pipe or a file: the first line, as is. */
export async function readPassword(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) {
    const first = await read({ prompt: 'Password for the new admin: ', silent: true, replace: '', input: stdin, output: process.stderr });
    const again = await read({ prompt: 'Repeat the password: ', silent: true, replace: '', input: stdin, output: process.stderr });
    if (first !== again) throw new Error('The two passwords differ; nothing was changed.');
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/**
 * `admin create`: the first administrator of a database (DATABASE_URL, or the embedded one).
 * Arguments are checked before connecting; the password is asked for only when an account
 * will be created, and checked against the API's policy before anything is written.
 */
export async function runAdminCommand(app: INestApplicationContext, argv: string[], askPassword: () => Promise<string> = readPassword): Promise<void> {
  const args = parseAdminArgs(argv);
  if (await app.get(DataSource).showMigrations()) throw new Error('The database schema is not up to date: run `npm run migration:run` first.');
  const admins = app.get(FirstAdminService);
  const exists = await admins.accountExists(args.email);
  if (exists && !args.grantExisting) {
    throw new Error(
      `An account with the email ${args.email.trim().toLowerCase()} already exists; nothing was changed. Add --grant-existing to make it an admin.`,
    );
  }
  const password = exists ? undefined : await askPassword();
  const result = await admins.createAdmin({
    email: args.email,
    displayName: args.name,
    password,
    grantExisting: args.grantExisting,
    operator: `${userInfo().username}@${hostname()}`,
  });
  const messages = {
    CREATED: `Created the admin account ${result.email} (${result.userId}). Sign in with the login mutation.`,
    GRANTED: `Granted ADMIN to the existing account ${result.email} (${result.userId}); its password is unchanged.`,
    ALREADY_ADMIN: `${result.email} (${result.userId}) is already an admin: nothing changed.`,
  } as const;
  console.log(messages[result.outcome]);
}
