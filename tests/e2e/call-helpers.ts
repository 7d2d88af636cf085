import { expect, type Browser, type Page } from '@playwright/test'
import { signIn } from './helpers'

// Two real browsers with Chromium's fake camera and microphone; the technician at phone size.
export async function participant(browser: Browser, email: string, viewport: { width: number; height: number }, baseURL?: string) {
  const context = await browser.newContext({ viewport, permissions: ['camera', 'microphone'], ...(baseURL ? { baseURL } : {}) })
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

/** A claimed request of tech@'s station held by expert@, made through the JSON API. */
export async function claimedRequest(tech: Page, expert: Page) {
  const created = await tech.request.post('/api/assistance', {
    data: { model: 'Boyue', year: 2021, system: 'engine', dtcs: ['P0300'], symptoms: '怠速时发动机间歇失火，抖动明显', urgency: 'normal' },
  })
  expect(created.status()).toBe(201)
  const { id } = await created.json()
  expect((await expert.request.post(`/api/assistance/${id}/claim`)).status()).toBe(200)
  return id as string
}

export const remoteTile = (page: Page) => page.locator('.video-tile[data-participant]')
const framesDecoded = async (page: Page) => Number((await remoteTile(page).first().getAttribute('data-frames-decoded')) ?? 0)

/** The remote video is decoding: its frame count, read from getStats, keeps going up. */
export async function expectVideoFlowing(page: Page) {
  await expect(remoteTile(page)).toHaveCount(1, { timeout: 20_000 })
  await expect.poll(() => framesDecoded(page), { timeout: 20_000 }).toBeGreaterThan(0)
  const before = await framesDecoded(page)
  await expect.poll(() => framesDecoded(page), { timeout: 10_000 }).toBeGreaterThan(before)
}

export async function joinCall(page: Page) {
  await expect(page.getByRole('heading', { name: /远程视频会话|Live session/ })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-realtime', 'connected')
  const join = page.getByRole('button', { name: /^加入$|^Join$/ })
  await expect(join).toBeEnabled({ timeout: 15_000 })
  await join.click()
  await expect(page.getByRole('button', { name: /^离开$|^Leave$/ })).toBeVisible({ timeout: 30_000 })
}

/** The usual call: tech@ on a phone and expert@ on a desktop, both joined on a fresh claimed request. */
export async function techAndExpertInCall(browser: Browser) {
  const tech = await participant(browser, 'tech@gtac.test', { width: 390, height: 844 })
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const id = await claimedRequest(tech, expert)
  await tech.goto(`/assistance/${id}`)
  await expert.goto(`/assistance/${id}`)
  await joinCall(tech)
  await joinCall(expert)
  return { tech, expert, id }
}
