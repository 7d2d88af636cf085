import { expect, test, type Page } from './fixtures'
import { claimedRequest, joinCall, participant } from './call-helpers'

/** Every Content-Security-Policy violation the page reports from now on. */
function cspViolations(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

test('pages carry a CSP with a fresh nonce on every inline script, and the other security headers', async ({ request }) => {
  const first = await request.get('/login')
  const second = await request.get('/login')
  const policy = first.headers()['content-security-policy']
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce).toBeTruthy()
  expect(second.headers()['content-security-policy']).not.toContain(nonce)
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("object-src 'none'")
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)

  const html = await first.text()
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1])
  expect(inlineScripts.length).toBeGreaterThan(0)
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`)

  for (const response of [first, await request.get('/favicon.svg'), await request.get('/healthz')]) {
    expect(response.headers()['x-frame-options']).toBe('DENY')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
  }
})

test('the policy blocks nothing the portal does: search, a case, the editor, and a live call', async ({ browser }) => {
  test.setTimeout(120_000)
  const tech = await participant(browser, 'tech@gtac.test', { width: 1280, height: 900 })
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const violations = cspViolations(tech)
  await tech.locator('.hit__title a').first().click()
  await expect(tech.locator('h1')).toBeVisible()
  await tech.goto('/cases/new')
  await expect(tech.getByTestId('editor-symptoms')).toBeVisible()
  const id = await claimedRequest(tech, expert)
  await tech.goto(`/assistance/${id}`)
  await joinCall(tech)
  await expect(tech.locator('.video-tile--local video')).toBeVisible()
  // simple-peer's bundle loaded and ran under the policy.
  expect(await tech.evaluate(() => typeof (window as unknown as { SimplePeer?: unknown }).SimplePeer)).toBe('function')
  expect(violations).toEqual([])
})

test('an unknown API address answers JSON, not the HTML error page', async ({ request }) => {
  for (const response of [await request.get('/api/no-such-thing'), await request.post('/api/no/such/thing', { data: {} })]) {
    expect(response.status()).toBe(404)
    expect(response.headers()['content-type']).toContain('application/json')
    expect(await response.json()).toEqual({ error: expect.stringContaining('/api/no') })
  }
})
