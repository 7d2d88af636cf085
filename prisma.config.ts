import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'

// Prisma's CLI otherwise downloads native engines; the wasm engine and driver adapter need none.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('package.json')
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve('package.json')
process.env.CHECKPOINT_DISABLE ??= '1'
process.env.DATABASE_URL ??= 'postgresql://localhost:5432/unused'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
  schema: path.join('prisma', 'schema.prisma'),
})
