import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
const dataDir = `/tmp/gtac-e2e-${port}`

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebRTC: a host with only a loopback interface never connects without the first; the fake
  // camera and microphone, allowed without a prompt, feed the call tests.
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
]

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'tests/.artifacts/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: chromiumArgs,
    },
  },
  webServer: {
    // A fresh data directory each run: embedded PostgreSQL and Meilisearch with the demo seed.
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && chmod 755 ${dataDir} && exec node --import tsx server.ts`,
    env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_CASE_COUNT: '120' },
    url: `http://127.0.0.1:${port}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
})
