import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'

let client: PrismaClient | undefined
let clientUrl: string | undefined

function createClient(url: string) {
  const slowQueryMs = Number(process.env.SLOW_QUERY_MS ?? 200)
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    log: [{ emit: 'event', level: 'query' }],
  })
  prisma.$on('query', (event) => {
    if (event.duration >= slowQueryMs) console.warn(`slow query (${event.duration} ms): ${event.query.slice(0, 300)}`)
  })
  return prisma
}

/** The Prisma client for the database the server resolved at start (embedded or DATABASE_URL). */
export function getDb() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: start the services first')
  if (!client || clientUrl !== url) {
    void client?.$disconnect()
    client = createClient(url)
    clientUrl = url
  }
  return client
}

export async function disconnectDb() {
  await client?.$disconnect()
  client = undefined
}

export type Db = PrismaClient
export type { Prisma } from '~/generated/prisma/client'
