import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingSchemaChanges } from '@baton/database';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { ADMIN_USAGE, parseAdminArgs, runAdminCommand } from './admin.command';
import { runSeedCommand } from './seed.command';

/**
 * Baton's command line: migrations, demo data and the first admin, on the same database the API
 * would use (DATABASE_URL, or the embedded one in BATON_DATA_DIR).
 */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help') return usage();
  // Bad arguments are reported before connecting to anything.
  if (command === 'admin') parseAdminArgs(rest);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  try {
    switch (command) {
      case 'migration:run': {
        const done = await dataSource.runMigrations({ transaction: 'each' });
        console.log(done.length ? done.map((m) => `applied ${m.name}`).join('\n') : 'no pending migration');
        break;
      }
      case 'migration:revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'migration:generate':
        await generate(dataSource, rest[0]);
        break;
      case 'seed': {
        await runSeedCommand(app, rest);
        break;
      }
      case 'admin':
        await runAdminCommand(app, rest);
        break;
      default:
        usage();
        process.exitCode = 2;
    }
  } finally {
    await app.close();
  }
}

async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
  await dataSource.runMigrations({ transaction: 'each' });
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (!up.length) {
    console.log('entities and migrations agree: nothing to generate');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (sql: string) => `    await queryRunner.query(${JSON.stringify(sql)});`;
  const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
  }
}
`;
  const root = join(__dirname, '..', '..', '..');
  const path = join(root, 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(path, file);
  const indexPath = join(root, 'migrations', 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/((?:^import .*\n)+)/m, `$1import { ${className} } from './${timestamp}-${name}';\n`)
    .replace(/= \[([\s\S]*?)\];/, (_m, list: string) => `= [${list.trim() ? `${list.trim().replace(/,$/, '')}, ` : ''}${className}];`);
  writeFileSync(indexPath, index);
  console.log(`wrote ${path}: read it, tidy it, then commit it`);
}

function usage(): void {
  console.log(`usage: npm run <script> where script is one of
  migration:run                 apply pending migrations
  migration:revert              undo the last migration
  migration:generate -- <Name>  write a migration for the difference between entities and schema
  seed -- [--scale <n>] [--reset]   generate demo data (n = 1 is Paris scale)
or: npm run cli -- <command> with any of the above, or
  admin create --email <email> --name <name> [--grant-existing]   the first administrator (see below)

${ADMIN_USAGE}`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
