import './app/runtime/node-env.server'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { readOrCreateSecret } from './app/utils/data-dir.server'
import { seedDemoDataIfEmpty } from './app/runtime/seed.server'
import { startServices } from './app/runtime/services.server'
import { attachRealtime } from './app/realtime/server.server'
import { closePgPools } from './app/utils/pg-pool.server'
import { disconnectDb } from './app/utils/db.server'
import { getEnv } from './app/utils/env.server'
import { BASE_SECURITY_HEADERS } from './app/utils/security-headers.server'
import { ensureSearchIndexes } from './search/indexed-entities'
import { learnThesaurusRewritesEagerly } from './search/thesaurus-rewrites'
import { startOutboxIndexer } from './search/outbox-indexer'
import { startBulletinAnnouncer } from './app/modules/bulletins/announcer.server'
import { startMailJobs } from './app/modules/notifications/jobs.server'
import { startCertificateReminders } from './app/modules/exams/certificate-reminders.server'
import { startActionEscalation } from './app/modules/inspections/escalation.server'

const BUILD_PATH = path.resolve('build/index.js')
const log = (line: string) => console.log(`[gtac] ${line}`)

async function main() {
  const env = getEnv()
  // Set by `remix dev`: rebuilds are loaded without restarting (sockets stay connected).
  const isDev = Boolean(process.env.REMIX_DEV_ORIGIN)
  if (!fs.existsSync(BUILD_PATH)) throw new Error('No build found: run "npm run build" first (npm start does it for you).')

  const app = express()
  app.disable('x-powered-by')
  // Behind a reverse proxy on this machine, the client address comes from X-Forwarded-For.
  app.set('trust proxy', 'loopback')
  app.use((_request, response, next) => {
    response.set(BASE_SECURITY_HEADERS)
    next()
  })
  app.use(compression())
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  app.use(express.static('public', { maxAge: '1h' }))

  const httpServer = createServer(app)
  // First, so that an unreachable REDIS_URL stops the start before any service runs.
  const redis = env.REDIS_URL ? { url: env.REDIS_URL, channelPrefix: env.REDIS_CHANNEL_PREFIX } : undefined
  const realtime = await attachRealtime(httpServer, { redis, log })
  const { io } = realtime

  const services = await startServices(log)
  process.env.SESSION_SECRET ??= readOrCreateSecret(env.dataDir, 'session', () => crypto.randomBytes(32).toString('hex'))

  try {
    await seedDemoDataIfEmpty({ log })
  } catch (error) {
    await services.stop()
    throw error
  }
  learnThesaurusRewritesEagerly()
  const indexer = startOutboxIndexer({ prepare: ensureSearchIndexes, log })
  const announcer = startBulletinAnnouncer({ log })
  const mail = startMailJobs({ log })
  const reminders = startCertificateReminders({ log })
  const escalation = startActionEscalation({ log })

  const loadBuild = async () => (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild
  let build = await loadBuild()

  app.all(
    '*',
    isDev
      ? (req, res, next) => createRequestHandler({ build, mode: 'development', getLoadContext: (request) => ({ io, clientIp: request.ip }) })(req, res, next)
      : createRequestHandler({ build, mode: 'production', getLoadContext: (request) => ({ io, clientIp: request.ip }) }),
  )

  httpServer.listen(env.PORT, env.HOST, () => {
    const address = httpServer.address()
    const port = typeof address === 'object' && address ? address.port : env.PORT
    log(`GTAC Portal ready on http://localhost:${port}`)
    if (isDev) broadcastDevReady(build)
  })

  if (isDev) {
    fs.watch(path.dirname(BUILD_PATH), async () => {
      build = await loadBuild()
      broadcastDevReady(build)
    })
  }

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping…`)
    const realtimeClosed = realtime.close()
    // Finish the requests in flight (at most 5 s) before their database and search engine stop.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        httpServer.closeAllConnections()
        resolve()
      }, 5000)
      httpServer.close(() => {
        clearTimeout(timer)
        resolve()
      })
      httpServer.closeIdleConnections()
    })
    // Requests finishing above may still publish to the other nodes: Redis goes only now.
    await realtimeClosed
    await indexer.stop()
    await announcer.stop()
    await mail.stop()
    await reminders.stop()
    await escalation.stop()
    await (build.entry.module as { flushBeforeExit?: () => Promise<void> }).flushBeforeExit?.()
    await disconnectDb()
    await closePgPools()
    await services.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGHUP', () => void shutdown('SIGHUP'))
}

main().catch((error) => {
  console.error(`[gtac] failed to start: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
