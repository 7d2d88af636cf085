import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const candidates = () => [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean)

/** Debian's Chromium (Playwright's own download is not reachable here); installs it when we are root with apt. */
export function findChromium({ install }) {
  const found = candidates().find((file) => fs.existsSync(file))
  if (found) return found
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (install && isRoot && hasApt) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get)…')
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const status = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status
    const installed = candidates().find((file) => fs.existsSync(file))
    if (status === 0 && installed) return installed
  }
  console.error('No Chromium for the browser tests: run "sudo apt-get install chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.')
  return undefined
}
