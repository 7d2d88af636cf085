import { expect, test, type Page } from './fixtures'
import { expectVideoFlowing, techAndExpertInCall } from './call-helpers'

// Two real browsers with Chromium's fake camera: the expert snapshots the technician's video,
// draws an arrow on it and saves; the snapshot and its arrow reach both message threads.
/** The snapshot in the thread: loaded, with the saved arrow drawn over it. */
async function expectAnnotatedSnapshot(page: Page) {
  const snapshot = page.locator('.message-list .annotated-image').last()
  await expect(snapshot).toHaveAttribute('data-strokes', '1')
  await expect(snapshot.locator('svg [data-kind="arrow"]')).toHaveCount(1)
  await expect.poll(() => snapshot.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  await expect(page.locator('.message-list')).toContainText('📷 快照 / Snapshot')
}

test('the expert snapshots the technician\'s video, draws an arrow and saves it for both', async ({ browser }) => {
  test.setTimeout(240_000)
  const { tech, expert } = await techAndExpertInCall(browser)
  await expectVideoFlowing(expert)

  const techUploads: string[] = []
  tech.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/attachments') techUploads.push(request.url())
  })
  await expert.getByRole('button', { name: /给 王师傅.* 的画面拍照|Take a snapshot of 王师傅/ }).click()
  const annotation = expert.getByRole('region', { name: /快照标注|Annotate snapshot/ })
  await expect(annotation).toBeVisible()
  // The snapshot is taken on the technician's phone at its camera's resolution (not the tile's
  // size, nor what the network carried), and sent over as a file of the request.
  const videoSize = await tech.locator('.video-tile--local video').evaluate((video: HTMLVideoElement) => `0 0 ${video.videoWidth} ${video.videoHeight}`)
  const surface = annotation.getByRole('img', { name: /标注区域|Annotation area/ })
  await expect(surface).toHaveAttribute('viewBox', videoSize)
  expect(techUploads).toHaveLength(1)

  await expect(annotation.getByRole('button', { name: /^箭头$|^Arrow$/ })).toHaveAttribute('aria-pressed', 'true')
  await annotation.getByRole('button', { name: /^蓝色$|^Blue$/ }).click()
  await surface.scrollIntoViewIfNeeded()
  const box = (await surface.boundingBox())!
  await expert.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3)
  await expert.mouse.down()
  await expert.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4, { steps: 5 })
  await expert.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 })
  await expert.mouse.up()
  await expect(annotation).toHaveAttribute('data-strokes', '1')
  await expect(surface.locator('[data-kind="arrow"]')).toHaveAttribute('stroke', '#1e88e5')
  await annotation.getByRole('button', { name: /^保存$|^Save$/ }).click()
  await expect(annotation).toHaveCount(0)

  await expectAnnotatedSnapshot(expert)
  await expectAnnotatedSnapshot(tech)

  // The arrow is stored with the image: a fresh page load draws it where it was put.
  await tech.reload()
  await expectAnnotatedSnapshot(tech)
  const line = tech.locator('.message-list .annotated-image svg [data-kind="arrow"] line').last()
  const [width, height] = videoSize.split(' ').slice(2).map(Number)
  const at = async (name: string) => Number(await line.getAttribute(name))
  expect(Math.abs((await at('x1')) - 0.2 * width)).toBeLessThan(width * 0.01)
  expect(Math.abs((await at('y1')) - 0.3 * height)).toBeLessThan(height * 0.01)
  expect(Math.abs((await at('x2')) - 0.6 * width)).toBeLessThan(width * 0.01)
  expect(Math.abs((await at('y2')) - 0.5 * height)).toBeLessThan(height * 0.01)
})
