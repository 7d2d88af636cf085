import { expect, test, type Page } from './fixtures'
import { signIn, TINY_PNG } from './helpers'

const PHONE = { width: 390, height: 844 }
const marker = `E2E-${Date.now().toString(36)}`
const remainingMs = async (page: Page) => Number(await page.getByTestId('time-left').getAttribute('data-remaining-ms'))
const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')

test('a trainer builds and publishes an exam; a technician takes it, leaves, resumes with the clock still running, passes and holds the level', async ({ browser }) => {
  test.setTimeout(180_000)

  // The trainer writes one question in the form and imports two from a CSV file.
  const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const trainer = await trainerContext.newPage()
  trainer.on('dialog', (dialog) => dialog.accept())
  await signIn(trainer, 'trainer@gtac.test')
  await trainer.goto('/exams/manage/questions/new')
  await trainer.getByLabel('分类（系统）').selectOption('engine')
  await trainer.getByLabel('题干', { exact: true }).fill(`${marker} 冷车怠速抖动且报 P0171，首先检查什么？`)
  await trainer.getByLabel('添加题干图片').setInputFiles({ name: 'idle-trim.png', mimeType: 'image/png', buffer: TINY_PNG })
  await expect(trainer.getByRole('img', { name: '题干图片' })).toBeVisible()
  // A PDF is not a picture: refused at once, and the option keeps no picture.
  await trainer.getByLabel('添加选项 B 图片').setInputFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
  await expect(trainer.getByRole('alert').filter({ hasText: '图片无效' })).toBeVisible()
  await expect(trainer.getByRole('img', { name: '选项 B 图片' })).toHaveCount(0)
  await trainer.getByLabel('选项 A', { exact: true }).fill(`进气系统真空泄漏-${marker}`)
  await trainer.getByLabel('选项 B', { exact: true }).fill('更换火花塞')
  await trainer.getByLabel('选项 C', { exact: true }).fill('更换变速器油')
  await trainer.getByLabel('A 是正确答案').check()
  await trainer.getByLabel('解析（交卷后可显示）').fill('P0171 为系统过稀，先查真空泄漏。')
  await trainer.getByRole('button', { name: '保存题目' }).click()
  await trainer.waitForURL(/\/exams\/manage\/questions$/)
  await expect(trainer.getByTestId('bank-list')).toContainText(marker)

  await trainer.getByRole('link', { name: '导入题目' }).click()
  const csv = [
    'kind,system,level,difficulty,stem,A,B,C,answer,explanation',
    `true_false,ev,technician,1,${marker} 高压线束用橙色标识。,,,,true,`,
    `multiple,electrical,technician,2,${marker} 测量电压降能发现哪些问题？,接地点锈蚀-${marker},端子接触不良-${marker},保险丝规格错误,AB,`,
  ].join('\n')
  await trainer.getByLabel(/题目文件/).setInputFiles({ name: 'e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await trainer.getByRole('button', { name: '校验并导入' }).click()
  await expect(trainer.getByRole('status')).toContainText('已导入 2 道题目')

  // A technician-level paper of those three fixed questions, then published.
  await trainer.goto('/exams/manage/papers/new')
  await trainer.getByLabel('试卷名称').fill(`${marker} 技术员考试`)
  await trainer.getByLabel('通过后授予的等级').selectOption('TECHNICIAN')
  await trainer.getByLabel('考试时长（分钟）').fill('20')
  await trainer.getByLabel('及格线（%）').fill('60')
  await trainer.getByLabel('每人可考次数').fill('2')
  await trainer.getByRole('button', { name: '保存试卷' }).click()
  await trainer.waitForURL(/\/exams\/manage\/papers\/[a-z0-9]+/)
  await trainer.getByLabel('题干包含').fill(marker)
  await trainer.getByRole('button', { name: '搜索' }).click()
  await expect(trainer.getByTestId('bank-candidates').locator('li')).toHaveCount(3)
  for (let added = 1; added <= 3; added += 1) {
    await trainer.getByRole('button', { name: /^添加: / }).first().click()
    await expect(trainer.getByTestId('fixed-questions').locator('li')).toHaveCount(added)
  }
  await trainer.getByRole('button', { name: '发布', exact: true }).click()
  await expect(trainer.getByTestId('publish-state')).toContainText('已发布')

  // The technician, on a phone, starts it and answers two of three questions.
  const techContext = await browser.newContext({ viewport: PHONE })
  let tech = await techContext.newPage()
  tech.on('dialog', (dialog) => dialog.accept())
  await signIn(tech, 'tech@gtac.test')
  await tech.goto('/exams')
  await tech.getByRole('link', { name: `${marker} 技术员考试` }).click()
  await expect(tech.getByTestId('attempts-left')).toContainText('2 / 2')
  await tech.getByRole('button', { name: '开始考试' }).click()
  await tech.waitForURL(/\/exams\/attempts\/[a-z0-9]+$/)
  const attemptUrl = new URL(tech.url()).pathname
  await expect(tech.getByRole('timer')).toHaveText(/^(20:00|19:\d\d)$/)
  const stemPicture = tech.getByRole('img', { name: /^第 \d 题附图$/ })
  await stemPicture.scrollIntoViewIfNeeded()
  await expect.poll(() => stemPicture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1)
  await tech.getByRole('radio', { name: new RegExp(`进气系统真空泄漏-${marker}`) }).check()
  await saved(tech)
  await tech.getByRole('radio', { name: '正确', exact: true }).check()
  await saved(tech)
  const deadlineText = await tech.locator('.attempt-bar__title p').textContent()
  const leftBefore = await remainingMs(tech)
  const overflow = await tech.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await tech.close()

  // Back later in a new tab: the answers are there and the clock kept running.
  tech = await techContext.newPage()
  tech.on('dialog', (dialog) => dialog.accept())
  await tech.goto('/exams')
  await tech.getByRole('link', { name: '继续作答' }).click()
  await expect(tech).toHaveURL(attemptUrl)
  await expect(tech.getByRole('radio', { name: new RegExp(`进气系统真空泄漏-${marker}`) })).toBeChecked()
  await expect(tech.getByRole('radio', { name: '正确', exact: true })).toBeChecked()
  await expect(tech.locator('.attempt-bar__title p')).toHaveText(deadlineText!)
  const leftAfter = await remainingMs(tech)
  expect(leftAfter).toBeLessThan(leftBefore)
  await expect.poll(() => remainingMs(tech)).toBeLessThan(leftAfter)

  await tech.getByRole('checkbox', { name: new RegExp(`接地点锈蚀-${marker}`) }).check()
  await tech.getByRole('checkbox', { name: new RegExp(`端子接触不良-${marker}`) }).check()
  await saved(tech)
  await tech.getByRole('button', { name: '交卷' }).click()
  await expect(tech.getByTestId('result')).toContainText('通过')
  await expect(tech.getByTestId('result')).toContainText('100')
  await expect(tech.getByRole('status')).toContainText('技术员')
  // The review (this paper shows answers) has the explanation.
  await expect(tech.getByText('P0171 为系统过稀，先查真空泄漏。')).toBeVisible()

  await tech.goto('/me')
  await expect(tech.getByTestId('certifications')).toContainText('技术员')
  // Its printable certificate.
  await tech.getByTestId('certifications').getByRole('link', { name: '查看证书' }).first().click()
  await expect(tech.getByTestId('certificate')).toContainText('技术员')
  await expect(tech.getByTestId('certificate')).toContainText('王师傅')
  await tech.screenshot({ path: 'tests/.artifacts/certificate.png' })
  // And as a PDF rendered on the server from the same page.
  const pdf = await tech.request.get((await tech.getByRole('link', { name: /下载 PDF|Download PDF/ }).getAttribute('href'))!)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // The trainer sees the attempt among the paper's results.
  await trainer.reload()
  await expect(trainer.getByRole('table').last()).toContainText('王师傅')
})
