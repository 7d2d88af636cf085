import { startEmbeddedMeili } from '../../search/embedded-meili'
import { getEnv, resetEnvCache } from '~/utils/env.server'
import { prepareDataDir } from '~/utils/data-dir.server'
import { startEmbeddedPostgres } from './embedded-postgres.server'
import { applyMigrations } from './migrate.server'
import { seedReferenceData } from './seed.server'

export type Services = {
  databaseUrl: string
  meili: { url: string; key: string }
  embedded: { postgres: boolean; meili: boolean }
  stop: () => Promise<void>
}

/**
 * Resolves the database and the search engine: the configured servers, or embedded ones in
 * DATA_DIR. Publishes the result through process.env so every module reads one source.
 */
export async function startServices(log: (line: string) => void = console.log): Promise<Services> {
  const env = getEnv()
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => log(`stop failed: ${error}`))
  }
  try {
    if (!env.DATABASE_URL || !env.MEILI_URL) prepareDataDir(env.dataDir)

    let databaseUrl = env.DATABASE_URL
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres(env.dataDir, log)
      stops.push(postgres.stop)
      databaseUrl = postgres.url
    }
    await applyMigrations(databaseUrl, log)

    let meili = env.MEILI_URL && env.MEILI_MASTER_KEY ? { url: env.MEILI_URL, key: env.MEILI_MASTER_KEY } : undefined
    if (!meili) {
      const embedded = await startEmbeddedMeili(env.dataDir, { binary: env.MEILI_BINARY, log })
      stops.push(embedded.stop)
      meili = { url: embedded.url, key: embedded.key }
    }

    process.env.DATABASE_URL = databaseUrl
    process.env.MEILI_URL = meili.url
    process.env.MEILI_MASTER_KEY = meili.key
    process.env.MEILI_INDEX_PREFIX = env.MEILI_INDEX_PREFIX
    resetEnvCache()
    await seedReferenceData()
    return {
      databaseUrl,
      meili,
      embedded: { postgres: !env.DATABASE_URL, meili: !env.MEILI_URL },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
