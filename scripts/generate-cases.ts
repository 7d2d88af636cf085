import fs from 'node:fs'
import { generateCases } from '../app/modules/cases/demo/case-generator'

// npm run cases:generate -- <count> <out.jsonl> [seed]
const [countArg, out, seedArg] = process.argv.slice(2)
const count = Number(countArg)
if (!Number.isInteger(count) || count <= 0 || !out) {
  console.error('usage: npm run cases:generate -- <count> <out.jsonl> [seed]')
  process.exit(2)
}
const stream = fs.createWriteStream(out)
for (const line of generateCases({ count, seed: Number(seedArg ?? 1) })) {
  if (!stream.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
}
stream.end(() => console.error(`wrote ${count} cases to ${out}`))
