import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const candidates = () => [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean)
const canApt = () => process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0

function aptInstall(packages) {
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0
}

const hasChineseFont = () => spawnSync('sh', ['-c', 'fc-list :lang=zh family | grep -q .'], { stdio: 'ignore' }).status === 0

/**
 * Debian's Chromium (Playwright's own download is not reachable here) and a Chinese font (without
 * one, every Chinese character renders as an empty box); installs them when we are root with apt.
 */
export function findChromium({ install }) {
  let found = candidates().find((file) => fs.existsSync(file))
  const missing = [...(found ? [] : ['chromium']), ...(hasChineseFont() ? [] : ['fonts-noto-cjk'])]
  if (missing.length > 0 && install && canApt()) {
    console.log(`Installing Debian's ${missing.join(' and ')} for the browser tests (apt-get)…`)
    aptInstall(missing)
    found = candidates().find((file) => fs.existsSync(file))
  }
  if (!hasChineseFont()) console.warn('No Chinese font: Chinese text will render as boxes in screenshots ("sudo apt-get install fonts-noto-cjk").')
  if (found) return found
  console.error('No Chromium for the browser tests: run "sudo apt-get install chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.')
  return undefined
}
