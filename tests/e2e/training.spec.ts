import { expect, test, type Page } from './fixtures'
import { signIn } from './helpers'

const marker = `E2E-${Date.now().toString(36)}`

/** A real two-second WebM, recorded in the browser from a canvas (no video tool needed). */
async function recordWebm(page: Page) {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 160
    canvas.height = 120
    const context = canvas.getContext('2d')!
    const stream = canvas.captureStream(15)
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' })
    const chunks: Blob[] = []
    recorder.ondataavailable = (event) => chunks.push(event.data)
    const stopped = new Promise((resolve) => (recorder.onstop = resolve))
    recorder.start(250)
    const started = performance.now()
    await new Promise<void>((resolve) => {
      const draw = () => {
        const elapsed = performance.now() - started
        context.fillStyle = `hsl(${Math.round(elapsed / 10) % 360} 70% 50%)`
        context.fillRect(0, 0, 160, 120)
        if (elapsed < 2000) requestAnimationFrame(draw)
        else resolve()
      }
      draw()
    })
    recorder.stop()
    await stopped
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer())
    let binary = ''
    bytes.forEach((byte) => (binary += String.fromCharCode(byte)))
    return btoa(binary)
  })
  return Buffer.from(base64, 'base64')
}

test('a trainer builds a course with a text and a video lesson, publishes and assigns it; a technician completes it', async ({ browser }) => {
  test.setTimeout(180_000)
  const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const trainer = await trainerContext.newPage()
  await signIn(trainer, 'trainer@gtac.test')
  await trainer.goto('/training')
  await trainer.getByRole('link', { name: '课程管理' }).click()
  await trainer.getByLabel('标题', { exact: true }).fill(`${marker} 制动系统保养`)
  await trainer.getByLabel('简介').fill('刹车片、刹车盘与排气。')
  await trainer.getByLabel(/向所有人开放/).uncheck()
  await trainer.getByRole('button', { name: '新建课程' }).click()
  await trainer.waitForURL(/\/training\/manage\/[^/]+$/)
  const courseUrl = new URL(trainer.url()).pathname
  const courseId = courseUrl.split('/').pop()!

  // A text lesson written in the editor.
  await trainer.getByRole('link', { name: '添加课时' }).click()
  await expect(trainer.getByTestId('editor-body')).toBeVisible()
  await trainer.getByLabel('标题', { exact: true }).fill('刹车片检查')
  await trainer.getByTestId('editor-body').click()
  await trainer.keyboard.type(`${marker} 测量刹车片厚度，低于 3 毫米须更换。`)
  await trainer.getByRole('button', { name: '保存课时' }).click()
  await trainer.waitForURL(new RegExp(`${courseUrl}$`))

  // A video lesson: the upload streams to disk; a PNG posing as a video is refused first.
  await trainer.getByRole('link', { name: '添加课时' }).click()
  await expect(trainer.getByTestId('editor-body')).toBeVisible()
  await trainer.getByLabel('标题', { exact: true }).fill('制动液排气')
  await trainer.getByLabel('类型').selectOption('VIDEO')
  await trainer.getByLabel(/文件/).setInputFiles({ name: 'fake.webm', mimeType: 'video/webm', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') })
  await trainer.getByRole('button', { name: '保存课时' }).click()
  await expect(trainer.locator('#lesson-file-error')).toHaveText('视频须为 WebM 或 MP4 文件')
  const video = await recordWebm(trainer)
  await trainer.getByLabel('标题', { exact: true }).fill('制动液排气')
  await trainer.getByLabel('类型').selectOption('VIDEO')
  await trainer.getByLabel(/文件/).setInputFiles({ name: 'bleeding.webm', mimeType: 'video/webm', buffer: video })
  await trainer.getByRole('button', { name: '保存课时' }).click()
  await trainer.waitForURL(new RegExp(`${courseUrl}$`))
  await expect(trainer.getByTestId('manage-lesson')).toHaveCount(2)

  // Published, and assigned to the technicians of station BJ001.
  await trainer.getByRole('button', { name: '发布', exact: true }).click()
  await expect(trainer.getByText('已发布', { exact: true })).toBeVisible()
  await trainer.getByLabel('角色').selectOption('TECHNICIAN')
  await trainer.getByLabel('服务站').selectOption('BJ001')
  await trainer.getByRole('button', { name: '指派', exact: true }).click()
  await expect(trainer.getByTestId('assignment')).toContainText('BJ001')
  await trainerContext.close()

  // The technician finds it under "my courses", reads the text to its end and watches the video.
  const techContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const tech = await techContext.newPage()
  await signIn(tech, 'tech@gtac.test')
  // On a phone the header's menu opens first.
  await tech.getByRole('button', { name: '菜单' }).click()
  await tech.getByRole('navigation').getByRole('link', { name: '在线培训' }).click()
  const card = tech.getByTestId('course-card').filter({ hasText: marker })
  await expect(card).toContainText('指派给我')
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0')
  await card.getByRole('link', { name: '开始学习' }).click()
  await expect(tech.locator('h1')).toHaveText('刹车片检查')
  await expect(tech.getByTestId('lesson-done')).toBeVisible()

  // The shortcut works once the page has hydrated (slow on a loaded machine): press until it has. It is
  // the course's last lesson, so a late second press has nowhere further to go.
  await expect(async () => {
    await tech.keyboard.press('Alt+ArrowRight')
    await expect(tech.locator('h1')).toHaveText('制动液排气', { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  const player = tech.getByTestId('lesson-video')
  await expect(player).toBeVisible()
  // The browser asked for the video in ranges.
  const range = await tech.request.get(`/training/files/${(await player.getAttribute('src'))!.split('/').pop()}`, { headers: { Range: 'bytes=0-3' } })
  expect(range.status()).toBe(206)
  expect(range.headers()['content-range']).toBe(`bytes 0-3/${video.length}`)
  await player.evaluate((element: HTMLVideoElement) => {
    element.muted = true
    return element.play()
  })
  await expect(tech.getByTestId('lesson-done')).toBeVisible({ timeout: 20_000 })
  await expect(tech.getByTestId('course-complete')).toBeVisible()

  await tech.getByRole('link', { name: '返回课程' }).click()
  await expect(tech).toHaveURL(new RegExp(`/training/${courseId}$`))
  await expect(tech.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  await expect(tech.getByTestId('course-complete')).toBeVisible()
  await expect(tech.getByTestId('lesson-item')).toHaveCount(2)
  await tech.screenshot({ path: 'tests/.artifacts/training-course-phone.png', fullPage: true })
  await techContext.close()

  // A technician of another station does not see it.
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await signIn(other, 'tech2@gtac.test')
  await other.goto('/training')
  await expect(other.getByTestId('course-card').filter({ hasText: marker })).toHaveCount(0)
  const hidden = await other.goto(`/training/${courseId}`)
  expect(hidden?.status()).toBe(404)
  await otherContext.close()
})

test('the demo course is open to tech@gtac.test; a PDF lesson is marked done with the button', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/training')
  const card = page.getByTestId('course-card').filter({ hasText: 'Technician onboarding' })
  await card.getByRole('link', { name: /Technician onboarding/ }).click()
  await expect(page.getByTestId('lesson-item')).toHaveCount(4)
  await page.getByRole('link', { name: /Safety checklist/ }).click()
  const pdfLink = page.getByRole('link', { name: '在新窗口打开 PDF' })
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await page.getByRole('button', { name: '标记为已学完' }).click()
  await expect(page.getByTestId('lesson-done')).toBeVisible()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.locator('h1')).toHaveText(/Reading DTCs/)
  await page.screenshot({ path: 'tests/.artifacts/training-lesson.png', fullPage: true })
})
