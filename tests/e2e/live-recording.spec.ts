import { expect, test, type Page } from './fixtures'
import { expectVideoFlowing, techAndExpertInCall } from './call-helpers'

const chunkUploads = (page: Page) => {
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/live\/recordings\/[^/]+\/chunks\/\d+$/.test(request.url())) sent.push(request.url())
  })
  return sent
}

const recordingArea = (page: Page) => page.locator('.live-call .recording')

/** A finished recording on the page: it knows its length and plays from wherever it is sought to. */
async function expectPlayableRecording(page: Page) {
  const video = page.locator('.recordings video').first()
  await expect(video).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.duration), { timeout: 20_000 }).toBeGreaterThan(3)
  const duration = await video.evaluate((element: HTMLVideoElement) => element.duration)
  expect(Number.isFinite(duration)).toBe(true)
  const landed = await video.evaluate(
    (element: HTMLVideoElement, target: number) =>
      new Promise<number>((resolve) => {
        element.muted = true
        element.addEventListener('seeked', () => resolve(element.currentTime), { once: true })
        element.currentTime = target
      }),
    duration / 2,
  )
  expect(Math.abs(landed - duration / 2)).toBeLessThan(1.5)
  await video.evaluate((element: HTMLVideoElement) => element.play())
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 }).toBeGreaterThan(landed + 0.3)
}

test('the expert records only after the technician accepts the notice; the recording plays back and seeks', async ({ browser }) => {
  test.setTimeout(240_000)
  const { tech, expert } = await techAndExpertInCall(browser)
  await expectVideoFlowing(expert)
  const uploads = chunkUploads(expert)

  // A technician has no record button; the expert asks, and the technician is shown the notice.
  await expect(recordingArea(tech).getByRole('button', { name: /^录制$|^Record$/ })).toHaveCount(0)
  await recordingArea(expert).getByRole('button', { name: /^录制$|^Record$/ }).click()
  const notice = tech.getByRole('alertdialog', { name: /录制提示|Recording notice/ })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(/陈工/)
  await expect(recordingArea(expert)).toHaveAttribute('data-recording-status', 'awaiting_consent')
  await expect(recordingArea(expert).getByRole('status')).toContainText(/王师傅|Wang/)

  // Nothing is recorded while the notice waits for an answer.
  await expect(recordingArea(expert)).toHaveAttribute('data-recorder', 'idle')
  await tech.waitForTimeout(2_500)
  expect(uploads).toHaveLength(0)

  await notice.getByRole('button', { name: /^同意录制$|^Accept recording$/ }).click()
  await expect(notice).toHaveCount(0)
  await expect(recordingArea(tech).getByRole('status')).toContainText(/正在录制|Recording/)
  await expect(recordingArea(expert)).toHaveAttribute('data-recorder', 'running')
  // Chunks go up as they are made, a second at a time.
  await expect.poll(() => uploads.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5)

  await recordingArea(expert).getByRole('button', { name: /^停止录制$|^Stop recording$/ }).click()
  await expect(recordingArea(expert)).toHaveAttribute('data-recorder', 'idle')
  await expectPlayableRecording(expert)
  await tech.reload()
  await expectPlayableRecording(tech)
})

test('a refusal means nothing is recorded', async ({ browser }) => {
  test.setTimeout(180_000)
  const { tech, expert } = await techAndExpertInCall(browser)
  const uploads = chunkUploads(expert)

  await recordingArea(expert).getByRole('button', { name: /^录制$|^Record$/ }).click()
  await tech.getByRole('alertdialog').getByRole('button', { name: /^拒绝$|^Decline$/ }).click()
  await expect(recordingArea(expert).getByRole('status')).toContainText(/王师傅.*拒绝|王师傅 declined/)
  await expect(recordingArea(expert)).toHaveAttribute('data-recorder', 'idle')
  await expect(recordingArea(expert).getByRole('button', { name: /^录制$|^Record$/ })).toBeVisible()
  expect(uploads).toHaveLength(0)
  await expert.reload()
  await expect(expert.locator('.recordings')).toHaveCount(0)
})
