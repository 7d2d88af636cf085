import { runCli } from './cli'
import { reindexCases } from '../search/reindex'

// npm run search:reindex
await runCli(async () => {
  const started = Date.now()
  const total = await reindexCases((line) => console.error(line))
  console.log(`Reindexed ${total} published cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
})
