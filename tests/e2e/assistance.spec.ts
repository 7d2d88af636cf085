import { expect, test, type Browser, type Page } from './fixtures'
import { signIn } from './helpers'

const PHONE = { width: 390, height: 844 }

async function signedInPage(browser: Browser, email: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

const realtimeConnected = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-realtime', 'connected')

test('a technician asks for help, the expert is alerted live and claims it, they message, close, confirm and draft a case', async ({ browser }) => {
  test.setTimeout(120_000)
  const expert = await signedInPage(browser, 'expert@gtac.test')
  await expert.goto('/assistance')
  await expect(expert.getByRole('heading', { name: /专家工作台|Expert desk/ })).toBeVisible()
  await expert.getByRole('button', { name: /上线接单|Go online/ }).click()
  await expect(expert.locator('.expert-panel .badge--online')).toBeVisible()
  await realtimeConnected(expert)

  const tech = await signedInPage(browser, 'tech@gtac.test', PHONE)
  await tech.goto('/assistance/new')
  await tech.getByLabel(/车型|Model/).first().selectOption({ index: 1 })
  await tech.getByLabel(/年款|Model year/).fill('2021')
  await tech.getByLabel(/^系统$|^System$/).selectOption('engine')
  await tech.getByLabel(/^故障码$|^DTCs$/).fill('P0171')
  await tech.getByLabel(/故障现象|Symptoms/).fill('冷车怠速抖动，发动机故障灯亮')
  // Suggested cases appear while typing, each with a "this case solved it" button.
  const suggestions = tech.locator('.suggestions')
  await expect(suggestions.getByRole('button', { name: /这个案例解决了问题|This case solved it/ }).first()).toBeVisible()
  await tech.getByRole('button', { name: /提交支援请求|Send the request/ }).click()
  await expect(tech.locator('#noneSolves-error')).toBeVisible()
  await tech.getByLabel(/没有一个能解决|none of them solves/).check()
  await tech.getByLabel(/车辆停驶|Vehicle off the road/).check()
  await tech.getByRole('button', { name: /提交支援请求|Send the request/ }).click()
  await tech.waitForURL(/\/assistance\/(?!new$)[a-z0-9]+$/)
  const requestUrl = new URL(tech.url()).pathname
  await expect(tech.locator('.badge--request-open')).toBeVisible()
  await expect(tech.getByTestId('queue-position')).toContainText(/1/)
  await realtimeConnected(tech)

  // The expert, on another page, gets the alert without reloading.
  const alert = expert.locator('.toast').filter({ hasText: /新的支援请求|New request/ })
  await expect(alert).toBeVisible()
  await alert.getByRole('link', { name: /查看|Open/ }).click()
  await expect(expert).toHaveURL(requestUrl)
  await expert.getByRole('button', { name: /^认领$|^Claim$/ }).click()
  await expect(expert.getByTestId('assignee')).toContainText(/陈工|Chen/)

  // The technician sees the claim without reloading.
  await expect(tech.locator('.badge--request-claimed')).toBeVisible()
  await expect(tech.getByTestId('assignee')).toContainText(/陈工|Chen/)

  await expert.getByLabel(/输入消息|Write a message/).fill('请读取长期燃油修正')
  await expert.getByRole('button', { name: /^发送$|^Send$/ }).click()
  await expect(tech.locator('.message-list')).toContainText('请读取长期燃油修正')
  await tech.getByLabel(/输入消息|Write a message/).fill('LTFT +18%')
  await tech.getByRole('button', { name: /^发送$|^Send$/ }).click()
  await expect(expert.locator('.message-list')).toContainText('LTFT +18%')

  // The expert's side panel lists matching cases; one goes into the chat as a card.
  const matching = expert.locator('section[aria-labelledby="matching-cases-title"]')
  await matching.getByRole('button', { name: /推送到聊天|Send to the chat/ }).first().click()
  await expect(tech.locator('.message-list .case-card')).toHaveCount(1)
  await expect(tech.locator('.message-list .case-card')).toHaveAttribute('href', /\/cases\/[A-Za-z0-9-]+$/)

  await expert.getByLabel(/^故障原因$|^Cause$/).fill('进气歧管垫漏气')
  await expert.getByLabel(/^维修方案$|^Fix$/).fill('更换进气歧管垫')
  await expert.getByRole('button', { name: /填写结论并关闭|Record the conclusion/ }).click()
  await expect(tech.locator('.badge--request-resolved')).toBeVisible()
  await tech.getByRole('button', { name: /是，一次修复|Yes, first-time fix/ }).click()
  await expect(tech.locator('.badge--request-closed')).toBeVisible()

  await tech.getByRole('button', { name: /生成维修案例草稿|Draft a repair case/ }).click()
  await tech.waitForURL(/\/cases\/[a-z0-9]+$/)
  await expect(tech.locator('h1')).toContainText('冷车怠速抖动')
  await expect(tech.getByText('进气歧管垫漏气')).toBeVisible()
  await expect(tech.getByText('更换进气歧管垫')).toBeVisible()
  const phoneOverflow = await tech.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(phoneOverflow).toBeLessThanOrEqual(0)

  await expert.goto('/assistance')
  await expert.getByRole('button', { name: /下线|Go offline/ }).click()
  await expect(expert.locator('.expert-panel .badge--online')).toHaveCount(0)
})

test('another station cannot open the request page', async ({ browser }) => {
  const tech = await signedInPage(browser, 'tech@gtac.test')
  await tech.goto('/assistance?view=all')
  const first = tech.locator('.request-row__title').first()
  const href = await first.getAttribute('href')
  const other = await signedInPage(browser, 'tech2@gtac.test')
  const response = await other.goto(href!)
  expect(response?.status()).toBe(404)
})
