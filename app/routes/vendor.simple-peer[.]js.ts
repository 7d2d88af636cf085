import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// simple-peer 9 needs Node's buffer/process shims in a browser bundle; its own prebuilt UMD
// bundle carries them and sets window.SimplePeer. Served from the installed package, so it is
// always the version in package-lock.json.
const bundle = path.join(path.dirname(createRequire(import.meta.url).resolve('simple-peer/package.json')), 'simplepeer.min.js')
let cached: string | undefined

export function loader() {
  cached ??= fs.readFileSync(bundle, 'utf8')
  return new Response(cached, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
  })
}
