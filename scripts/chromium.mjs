import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const candidates = () => [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean)
export const canApt = () => process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

// Under systemd, installing coturn starts its system service on every interface with Debian's
// open default config; the tests run their own on 127.0.0.1, so that service must never start.
const silentServices = { coturn: 'coturn.service' }
const systemdBooted = () => fs.existsSync('/run/systemd/system')
const systemctl = (...args) => spawnSync('systemctl', args, { stdio: 'ignore' })

export function aptInstall(packages) {
  const services = systemdBooted() ? packages.map((name) => silentServices[name]).filter(Boolean) : []
  for (const service of services) systemctl('mask', service)
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  const installed = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0
  for (const service of services) {
    systemctl('unmask', service)
    systemctl('disable', service)
  }
  return installed
}

const hasChineseFont = () => spawnSync('sh', ['-c', 'fc-list :lang=zh family | grep -q .'], { stdio: 'ignore' }).status === 0
const hasTurnServer = () => spawnSync('sh', ['-c', 'command -v turnserver'], { stdio: 'ignore' }).status === 0

/**
 * Debian's Chromium (Playwright's own download is not reachable here), a Chinese font (without
 * one, every Chinese character renders as an empty box) and coturn (the TURN relay test's server);
 * installs them when we are root with apt.
 */
export function findChromium({ install }) {
  let found = candidates().find((file) => fs.existsSync(file))
  const missing = [...(found ? [] : ['chromium']), ...(hasChineseFont() ? [] : ['fonts-noto-cjk']), ...(hasTurnServer() ? [] : ['coturn'])]
  if (missing.length > 0 && install && canApt()) {
    console.log(`Installing Debian's ${missing.join(', ')} for the browser tests (apt-get)…`)
    aptInstall(missing)
    found = candidates().find((file) => fs.existsSync(file))
  }
  if (!hasChineseFont()) console.warn('No Chinese font: Chinese text will render as boxes in screenshots ("sudo apt-get install fonts-noto-cjk").')
  if (!hasTurnServer()) console.warn('No coturn: the TURN relay test will fail ("sudo apt-get install coturn").')
  if (found) return found
  console.error('No Chromium for the browser tests: run "sudo apt-get install chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.')
  return undefined
}
