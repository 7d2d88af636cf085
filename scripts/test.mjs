#!/usr/bin/env node
// Runs every test: build, Vitest (unit + integration) and Playwright (e2e), then prints the totals.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { findChromium } from './chromium.mjs'

const artifacts = path.resolve('tests/.artifacts')
fs.rmSync(artifacts, { recursive: true, force: true })
fs.mkdirSync(artifacts, { recursive: true })

const step = (title) => console.log(`\n=== ${title} ===`)
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

const canReach = (url) =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url)
    const socket = net.connect({ host: hostname, port: Number(port || 5432) })
    socket.setTimeout(1000)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })

let passed = 0
let failed = 0
let broken = false
const failures = []

const chromium = findChromium({ install: true })
if (!chromium) process.exit(1)

step('build')
if (run('npx', ['remix', 'build']) !== 0) process.exit(1)

const vitestRun = (label, file, env = {}) => {
  step(label)
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env)
  const report = readJson(file)
  if (!report) {
    broken = true
    return
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
  for (const file of report.testResults ?? [])
    for (const test of file.assertionResults ?? [])
      if (test.status === 'failed') failures.push(`${label}: ${path.relative('.', file.name)} › ${test.fullName}`)
  if (status !== 0 && report.numFailedTests === 0) broken = true
}

vitestRun('unit + integration (embedded PostgreSQL)', path.join(artifacts, 'vitest.json'))

const extraDatabase = process.env.GTAC_EXTRA_TEST_DATABASE_URL
if (extraDatabase) {
  if (await canReach(extraDatabase)) {
    vitestRun(`unit + integration (${new URL(extraDatabase).host})`, path.join(artifacts, 'vitest-extra.json'), {
      TEST_DATABASE_URL: extraDatabase,
    })
  } else {
    console.log(`\n(${new URL(extraDatabase).host} is not reachable: skipping the second database run)`)
  }
}

function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const inner = suite.title ? [...titles, suite.title] : titles
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') failures.push(`end-to-end: ${[...inner, spec.title].join(' › ')}`)
    collectPlaywrightFailures(suite.suites ?? [], inner)
  }
}

step('end-to-end (Playwright, Chromium)')
const e2eFile = path.join(artifacts, 'playwright.json')
const e2eStatus = run('npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile })
const e2e = readJson(e2eFile)
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky
  failed += e2e.stats.unexpected
  collectPlaywrightFailures(e2e.suites ?? [], [])
  if (e2eStatus !== 0 && e2e.stats.unexpected === 0) broken = true
} else {
  broken = true
}

console.log('')
if (failures.length) console.log(`Failed:\n${failures.map((name) => `  ✘ ${name}`).join('\n')}`)
if (broken) console.log('A test step failed to run or to report (see above).')
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || broken ? 1 : 0)
