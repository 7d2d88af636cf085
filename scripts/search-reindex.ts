import { runCli } from './cli'
import { reindexAll } from '../search/reindex'

// npm run search:reindex
await runCli(async () => {
  const started = Date.now()
  const totals = await reindexAll((line) => console.error(line))
  console.log(
    `Reindexed ${totals.case} published cases, ${totals.bulletin} published bulletins and ${totals.question} questions in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
})
