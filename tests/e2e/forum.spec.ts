import { expect, test, type Browser } from './fixtures'
import { signIn } from './helpers'

async function signedIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }) {
  const page = await (await browser.newContext({ viewport })).newPage()
  await signIn(page, email)
  return page
}

test('a technician asks, an expert answers, the technician accepts it and drafts a repair case from it', async ({ browser }) => {
  test.setTimeout(180_000)
  const tech = await signedIn(browser, 'tech@gtac.test', { width: 390, height: 844 })
  const expert = await signedIn(browser, 'expert@gtac.test')
  const title = `缤越 急加速时发动机敲缸声 P0325 ${Date.now()}`

  // Ask, from the list page.
  await tech.goto('/forum')
  await tech.getByRole('link', { name: /^我要提问$|^Ask a question$/ }).first().click()
  await tech.getByLabel(/^标题$|^Title$/).fill(title)
  await tech.getByTestId('editor-body').click()
  await tech.keyboard.type('2021 款缤越 1.5T，急加速到 3000 转左右有“哒哒”的敲缸声，报 P0325 爆震传感器电路。')
  await tech.getByLabel(/车型|Model/).selectOption({ label: '缤越' })
  await tech.getByLabel(/^系统|^System/).selectOption('engine')
  await tech.getByLabel(/故障码|DTCs/).fill('p0325')
  await tech.getByLabel(/标签|Tags/).fill('爆震 异响')
  await tech.getByRole('button', { name: /发布问题|Post the question/ }).click()
  await expect(tech.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(tech.locator('.forum-facts')).toContainText('P0325')
  const questionUrl = tech.url()
  await expect(tech.locator('html')).toHaveAttribute('data-realtime', 'connected')

  // The expert answers; the asker's page shows it without a reload, marked as an expert answer.
  await expert.goto(questionUrl)
  await expert.getByTestId('editor-body').click()
  await expert.keyboard.type('爆震传感器信号线屏蔽层破损，受点火干扰误报爆震。')
  await expert.keyboard.press('Enter')
  await expert.keyboard.type('原因：爆震传感器线束在进气歧管下方磨破。')
  await expert.keyboard.press('Enter')
  await expert.keyboard.type('处理：修复线束屏蔽层并重新固定走向，清除故障码后路试。')
  await expert.getByRole('button', { name: /提交回答|Post the answer/ }).click()
  await expect(expert.locator('.forum-answer')).toHaveCount(1)
  const answer = tech.locator('.forum-answer')
  await expect(answer).toHaveCount(1, { timeout: 15_000 })
  await expect(answer.locator('.badge--expert')).toHaveText(/专家回答|Expert answer/)

  // The asker votes by keyboard, comments, and accepts.
  const upvote = answer.getByRole('button', { name: /^赞同$|^Vote up$/ })
  await upvote.focus()
  await tech.keyboard.press('Enter')
  await expect(upvote).toHaveAttribute('aria-pressed', 'true')
  await expect(answer.locator('.vote__score')).toContainText('1')
  await answer.locator('summary', { hasText: /评论|Comment/ }).click()
  await answer.getByLabel(/评论（纯文本|Comment \(plain text/).fill('<b>谢谢</b>，我去查线束')
  await answer.getByRole('button', { name: /发表评论|Post the comment/ }).click()
  await expect(answer.locator('.forum-comment')).toContainText('<b>谢谢</b>，我去查线束')
  await answer.getByRole('button', { name: /采纳此回答|Accept this answer/ }).click()
  await expect(answer.locator('.badge--approved')).toBeVisible()

  // One step to a draft repair case, filled from the question and the answer.
  const draft = tech.locator('.forum-draft-case')
  await expect(draft.getByLabel(/年款|Model year/)).toHaveValue('2021')
  await draft.getByRole('button', { name: /生成维修案例草稿|Draft a repair case/ }).click()
  await tech.waitForURL(/\/cases\/[a-z0-9]+$/)
  await expect(tech.locator('h1')).toHaveText(title)
  await expect(tech.getByText('原因：爆震传感器线束在进气歧管下方磨破。')).toBeVisible()
  await expect(tech.getByText('处理：修复线束屏蔽层并重新固定走向，清除故障码后路试。')).toBeVisible()
  await expect(tech.getByText(/急加速到 3000 转左右/)).toBeVisible()
  const caseUrl = new URL(tech.url()).pathname

  // The question links to its case and is listed as solved; nothing overflows a phone.
  await tech.goto(questionUrl)
  await expect(tech.locator('.notice--ok a')).toHaveAttribute('href', caseUrl)
  expect(await tech.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  await tech.goto('/forum?view=solved')
  await expect(tech.locator('.question-item', { hasText: title })).toBeVisible()
  await tech.goto('/forum?view=unanswered')
  await expect(tech.locator('.question-item', { hasText: title })).toHaveCount(0)
})
