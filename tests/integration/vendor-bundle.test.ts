import { expect, test } from 'vitest'
import { loader } from '../../app/routes/vendor.simple-peer[.]js'

// Public on purpose: the WebRTC library's own prebuilt bundle, no data; the call page loads it.
test('/vendor/simple-peer.js serves the installed simple-peer browser bundle as JavaScript', async () => {
  const response = loader()
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  const body = await response.text()
  expect(body.length).toBeGreaterThan(10_000)
  expect(body).toContain('SimplePeer')
})
