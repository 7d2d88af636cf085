import { expect, test, type Browser, type Page } from './fixtures'
import { signIn } from './helpers'

async function signedIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }) {
  const page = await (await browser.newContext({ viewport })).newPage()
  await signIn(page, email)
  return page
}

const bellCount = async (page: Page) => Number(await page.locator('.bell').getAttribute('data-unread'))

test('a trainer publishes a bulletin for one region; a technician there is told live, reads and acknowledges it; the receipts count it; another region never sees it', async ({ browser }) => {
  test.setTimeout(180_000)
  const tech = await signedIn(browser, 'tech@gtac.test', { width: 390, height: 844 }) // BJ001, 华北
  const elsewhere = await signedIn(browser, 'tech2@gtac.test') // SH002, 华东
  const trainer = await signedIn(browser, 'trainer@gtac.test')
  await tech.goto('/bulletins')
  await expect(tech.locator('html')).toHaveAttribute('data-realtime', 'connected')
  const before = await bellCount(tech)
  const title = `华北 冬季蓄电池亏电检查 ${Date.now()}`

  await trainer.goto('/bulletins/new')
  await trainer.getByLabel(/^标题$|^Title$/).fill(title)
  await trainer.getByLabel(/^类型$|^Type$/).selectOption('tsb')
  await trainer.getByTestId('editor-body').click()
  await trainer.keyboard.type('早上启动困难时，先测量静态电流，超过 50 mA 逐个拔保险丝查找。')
  await trainer.getByRole('group', { name: /发送给区域|Regions/ }).getByLabel('华北').check()
  await expect(trainer.getByLabel(/要求阅读确认|Requires acknowledgement/)).toBeChecked()
  await trainer.getByRole('button', { name: /^发布$|^Publish$/ }).click()
  await expect(trainer.getByRole('heading', { name: title })).toBeVisible()

  // The technician's bell counts up without a reload, and the list shows it, unread and to acknowledge.
  await expect.poll(() => bellCount(tech), { timeout: 15_000 }).toBe(before + 1)
  const item = tech.locator('.bulletin-item', { hasText: title })
  await expect(item).toBeVisible()
  await expect(item).toContainText(/未读|Unread/)
  await expect(item).toContainText(/需确认|Acknowledge/)

  await item.getByRole('link', { name: title }).click()
  await expect(tech.getByRole('status')).toContainText(/要求确认|must be acknowledged/)
  await tech.getByRole('button', { name: /已阅读并理解|Read and understood/ }).click()
  await expect(tech.getByRole('status')).toContainText(/你已于|You acknowledged/)

  await elsewhere.goto('/bulletins')
  await expect(elsewhere.locator('.bulletin-list').first()).toBeVisible()
  await expect(elsewhere.locator('.bulletin-item', { hasText: title })).toHaveCount(0)

  await trainer.getByRole('link', { name: /阅读回执|Read receipts/ }).click()
  const row = trainer.locator('tr[data-station="BJ001"]')
  await expect(row).toBeVisible()
  await expect(row.locator('td.number').nth(2)).toHaveText('1')
  await expect(trainer.getByTestId('receipt-totals')).toHaveAttribute('data-acknowledged', '1')
  const csv = await trainer.request.get(`${new URL(trainer.url()).pathname}.csv`)
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain('BJ001')
})
