import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations')

// Same bookkeeping table as `prisma migrate deploy`, so either can take over from the other.
const CREATE_MIGRATIONS_TABLE = `
create table if not exists "_prisma_migrations" (
  "id" varchar(36) primary key not null,
  "checksum" varchar(64) not null,
  "finished_at" timestamptz,
  "migration_name" varchar(255) not null,
  "logs" text,
  "rolled_back_at" timestamptz,
  "started_at" timestamptz not null default now(),
  "applied_steps_count" integer not null default 0
)`

/** Applies the SQL migrations in prisma/migrations that the database has not seen yet. */
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = () => {}) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock(727274)')
    await client.query(CREATE_MIGRATIONS_TABLE)
    const applied = await client.query<{ migration_name: string }>(
      'select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null',
    )
    const done = new Set(applied.rows.map((row) => row.migration_name))
    const pending = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !done.has(entry.name))
      .map((entry) => entry.name)
      .sort()
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8')
      const checksum = crypto.createHash('sha256').update(sql).digest('hex')
      log(`Database: applying migration ${name}`)
      await client.query('begin')
      try {
        await client.query(sql)
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           values ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        )
        await client.query('commit')
      } catch (error) {
        await client.query('rollback')
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`)
      }
    }
    return pending
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {})
    await client.end()
  }
}
