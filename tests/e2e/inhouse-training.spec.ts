import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { signIn } from './helpers'

// Next month: the demo seed has plans for this month and the two before.
const now = new Date()
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7)
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
const marker = `E2E-${Date.now().toString(36)}`

test('a trainer publishes a monthly plan; the station manager logs a session with a photo and submits; the trainer sees it on the compliance dashboard', async ({ browser }) => {
  test.setTimeout(120_000)
  const trainerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const trainer = await trainerContext.newPage()
  await signIn(trainer, 'trainer@gtac.test')
  await trainer.goto('/training')
  await trainer.getByRole('link', { name: '站内培训' }).click()
  await expect(trainer.getByRole('heading', { level: 1, name: '站内培训计划' })).toBeVisible()
  await expectAccessible(trainer)

  // A refused plan keeps the trainer on the form with the field marked.
  await trainer.getByLabel('标题', { exact: true }).fill(`${marker} 月度培训计划`)
  await trainer.getByRole('button', { name: '新建月度计划' }).click()
  await expect(trainer.locator('#plan-content-error')).toHaveText('请填写培训主题与要求')
  await trainer.getByLabel('月份').fill(month)
  await trainer.getByLabel('培训主题与要求').fill('高压安全操作规范\n制动系统保养')
  await trainer.getByLabel('培训后考试（可选）').selectOption({ index: 1 })
  await trainer.getByRole('button', { name: '新建月度计划' }).click()
  await trainer.waitForURL(/\/training\/plans\/[^/]+$/)
  const planUrl = new URL(trainer.url()).pathname
  await expect(trainer.getByRole('heading', { level: 1 })).toHaveText(`${marker} 月度培训计划`)
  await expect(trainer.getByRole('link', { name: /培训后考试：/ })).toBeVisible()
  await trainer.getByRole('button', { name: '发布计划' }).click()
  await expect(trainer.locator('.search-head .badge')).toHaveText('已发布')
  await expectAccessible(trainer)
  // Until a station opens its report, a published plan can go back to a draft.
  await trainer.getByRole('button', { name: '撤回发布' }).click()
  await expect(trainer.locator('.search-head .badge')).toHaveText('草稿')
  await trainer.getByRole('button', { name: '发布计划' }).click()
  await expect(trainer.locator('.search-head .badge')).toHaveText('已发布')

  // The manager, at phone width: opens his station's report from the plan.
  const managerContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const manager = await managerContext.newPage()
  await signIn(manager, 'manager@gtac.test')
  await manager.goto('/training/plans')
  await expectAccessible(manager)
  await manager.getByRole('link', { name: `${marker} 月度培训计划` }).click()
  await manager.waitForURL(new RegExp(`${planUrl}$`))
  await expectAccessible(manager)
  await manager.getByRole('button', { name: '填写本站报告' }).click()
  await manager.waitForURL(/\/training\/reports\/[^/]+$/)
  const reportUrl = new URL(manager.url()).pathname
  await expect(manager.getByText('还没有培训记录')).toBeVisible()
  await expectAccessible(manager)

  // The trainer's page, loaded before the station started, still offers the withdrawal: it is
  // refused, and the page shows the station's report.
  await trainer.getByRole('button', { name: '撤回发布' }).click()
  await expect(trainer.getByRole('alert')).toHaveText('已有服务站开始填写报告，不能撤回发布')
  await expect(trainer.getByRole('button', { name: '撤回发布' })).toHaveCount(0)
  await expect(trainer.getByRole('link', { name: /BJ001/ })).toBeVisible()
  await expect(trainer.locator('.search-head .badge')).toHaveText('已发布')
  await expectAccessible(trainer)

  // A PDF posing as a photo is refused by its bytes; then a real PNG is kept.
  await manager.getByLabel('日期').fill(`${month}-10`)
  await manager.getByLabel('讲师').fill('张站长')
  await manager.getByLabel('主题', { exact: true }).fill(`${marker} 高压安全`)
  await manager.getByRole('checkbox', { name: /王师傅/ }).check()
  await manager.getByLabel(/照片/).setInputFiles({ name: 'class.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n', 'latin1') })
  await manager.getByRole('button', { name: '保存培训记录' }).click()
  await expect(manager.locator('#session-photos-error')).toHaveText('照片须为 JPEG、PNG 或 WebP 图片')
  await expectAccessible(manager)
  const photo = await manager.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } })
  await manager.getByLabel(/照片/).setInputFiles({ name: 'class.png', mimeType: 'image/png', buffer: photo })
  await manager.getByRole('button', { name: '保存培训记录' }).click()
  const sessions = manager.getByTestId('training-sessions')
  await expect(sessions.locator(':scope > li')).toHaveCount(1)
  await expect(sessions).toContainText(`${marker} 高压安全`)
  await expect(sessions).toContainText('王师傅')
  const image = sessions.locator('img')
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
  await expectAccessible(manager)

  await manager.getByRole('button', { name: '提交月度报告' }).click()
  await expect(manager.locator('.search-head .badge')).toHaveText('已提交')
  await expect(manager.getByText(/现为只读/)).toBeVisible()
  await expect(manager.getByRole('button', { name: '保存培训记录' })).toHaveCount(0)
  await expectAccessible(manager)

  // The trainer's dashboard for that month: BJ001 logged 1 of 4 and submitted, so not compliant.
  await trainer.goto('/training/plans')
  await trainer.getByRole('link', { name: '培训达标看板' }).click()
  await expect(trainer.getByRole('heading', { level: 1, name: '培训达标看板' })).toBeVisible()
  await trainer.getByLabel('月份').fill(month)
  await trainer.getByRole('button', { name: '查看' }).click()
  await expect(trainer).toHaveURL(new RegExp(`month=${month}`))
  const row = trainer.getByTestId('compliance-stations').getByRole('row', { name: /BJ001/ })
  await expect(row).toContainText('1 / 4 次')
  await expect(row.locator('td').nth(2)).toHaveText('是')
  await expect(row.locator('td').nth(3)).toHaveText('否')
  await expect(trainer.getByTestId('compliance-percent')).toHaveText('0%')
  await expectAccessible(trainer)
  await row.getByRole('link').click()
  await trainer.waitForURL(new RegExp(`${reportUrl}$`))
  await expect(trainer.getByTestId('training-sessions').locator('img')).toBeVisible()
  await expectAccessible(trainer)

  // Last month (demo data): BJ001 complied.
  await trainer.goto(`/training/compliance?month=${lastMonth}`)
  await expect(trainer.getByTestId('compliance-stations').getByRole('row', { name: /BJ001/ }).locator('td').nth(3)).toHaveText('是')
  await expect(trainer.getByTestId('compliance-regions')).toContainText('华北')
})
