import { getDb } from '~/utils/db.server'
import { countPendingIndexUpdates } from '~/utils/search-outbox.server'

const CHECK_TIMEOUT_MS = 2000

function withTimeout<T>(promise: Promise<T>, label: string) {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${label} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
  ])
}

async function check(run: () => Promise<unknown>, label: string) {
  try {
    await withTimeout(run(), label)
    return 'ok'
  } catch (error) {
    return `error: ${(error as Error).message.split('\n')[0]}`
  }
}

async function meiliHealth() {
  const response = await fetch(`${process.env.MEILI_URL}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })
  if (!response.ok) throw new Error(`status ${response.status}`)
}

/** `GET /healthz`: 200 when the database and the search engine answer, 503 naming the part that does not. */
export async function loader() {
  const [db, search, outbox] = await Promise.all([
    check(() => getDb().$queryRaw`select 1`, 'database'),
    check(meiliHealth, 'meilisearch'),
    withTimeout(countPendingIndexUpdates(), 'database').catch(() => null),
  ])
  const healthy = db === 'ok' && search === 'ok'
  return Response.json(
    { status: healthy ? 'ok' : 'degraded', db, search, outbox },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
