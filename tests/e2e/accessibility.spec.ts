import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

/** axe-core on the page as it is now: no serious or critical violation (each listed with its nodes when it fails). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(blocking, `${page.url()}`).toEqual([])
}

const firstRequestHref = async (page: Page) => (await page.locator('.request-row__title').first().getAttribute('href'))!

test('technician pages: search, case, assistance list, request form and request page', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await expectAccessible(page)
  await page.locator('.hit__title a').first().click()
  await expect(page.locator('h1')).toBeVisible()
  await expectAccessible(page)
  await page.goto('/cases?q=P0300&type=all')
  await expect(page.locator('[data-hit-type="bulletin"]')).toBeVisible()
  await expectAccessible(page)
  await page.goto('/assistance')
  await expectAccessible(page)
  const request = await firstRequestHref(page)
  await page.goto('/assistance/new')
  await expectAccessible(page)
  await page.goto(request)
  await expectAccessible(page)
})

test('expert pages: queue with the expert desk, request page, KPI dashboard', async ({ page }) => {
  await signIn(page, 'expert@gtac.test')
  await page.goto('/assistance')
  await expectAccessible(page)
  await page.goto('/assistance?view=all')
  await page.goto(await firstRequestHref(page))
  await expectAccessible(page)
  await page.goto('/assistance/kpi')
  await expect(page.locator('svg').first()).toBeVisible()
  await expectAccessible(page)
})

test('bulletins: list, a bulletin, the editor and its receipts; notifications', async ({ page }) => {
  await signIn(page, 'trainer@gtac.test')
  await page.goto('/bulletins')
  await expectAccessible(page)
  await page.locator('.bulletin-item__title').first().click()
  await expect(page.locator('h1')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: /阅读回执|Read receipts/ }).click()
  await expect(page.locator('table').first()).toBeVisible()
  await expectAccessible(page)
  await page.goto('/bulletins/new')
  await expectAccessible(page)
  await page.goto('/notifications')
  await expectAccessible(page)
})

test('member center: profile, contributions and leaderboards, notification settings, password', async ({ page }) => {
  await signIn(page, 'expert@gtac.test')
  for (const path of ['/me', '/me/profile', '/me/contributions', '/me/settings', '/me/password', '/signals']) {
    await page.goto(path)
    await expect(page.locator('h1')).toBeVisible()
    await expectAccessible(page)
  }
  await page.goto('/me/contributions')
  await expect(page.getByTestId('points-total')).toBeVisible()
})

test('exam pages: list, start page, taking an exam, result, member center; the trainer\'s papers, bank, question form and import', async ({ page }) => {
  test.setTimeout(120_000)
  page.on('dialog', (dialog) => dialog.accept())
  await signIn(page, 'tech2@gtac.test')
  await page.goto('/exams')
  await expectAccessible(page)
  await page.getByRole('link', { name: /技术员认证考试|Technician certification/ }).first().click()
  await page.waitForURL(/\/exams\/[a-z0-9]+$/)
  await expectAccessible(page)
  await page.getByRole('button', { name: /开始考试|Start the exam/ }).click()
  await page.waitForURL(/\/exams\/attempts\//)
  await page.locator('.option input').first().check()
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
  await expectAccessible(page)
  await page.getByRole('button', { name: /^交卷$|^Submit$/ }).click()
  await expect(page.getByTestId('result')).toBeVisible()
  await expectAccessible(page)
  await page.goto('/me')
  await expectAccessible(page)

  await page.context().clearCookies()
  await signIn(page, 'trainer@gtac.test')
  await page.goto('/exams/manage')
  await expectAccessible(page)
  await page.getByRole('link', { name: /技术员认证考试|Technician certification/ }).click()
  await page.waitForURL(/\/exams\/manage\/papers\//)
  await expectAccessible(page)
  for (const path of ['/exams/manage/questions', '/exams/manage/questions/new', '/exams/manage/questions/import', '/exams/manage/papers/new']) {
    await page.goto(path)
    await expectAccessible(page)
  }
})

test('forum: list, a solved question with its forms, the ask page, history; an expert’s moderation tools', async ({ page, browser }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/forum')
  await expectAccessible(page)
  await page.goto('/forum?view=solved&sort=votes')
  await page.goto((await page.locator('.question-item__title a').first().getAttribute('href'))!)
  await expect(page.locator('.forum-answer').first()).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: /编辑历史|History/ }).first().click()
  await expect(page.locator('.revision').first()).toBeVisible()
  await expectAccessible(page)
  await page.goto('/forum/ask')
  await expectAccessible(page)
  const expert = await (await browser.newContext()).newPage()
  await signIn(expert, 'expert@gtac.test')
  await expert.goto('/forum?view=unanswered')
  await expert.goto((await expert.locator('.question-item__title a').first().getAttribute('href'))!)
  await expert.locator('summary', { hasText: /作为重复问题关闭|Close as a duplicate/ }).click()
  await expectAccessible(expert)
})

test('training: my courses and catalogue, a course, a lesson; the trainer’s course, lesson and management pages', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/training')
  await expect(page.getByTestId('course-card').first()).toBeVisible()
  await expectAccessible(page)
  await page.getByTestId('course-card').first().locator('h3 a').click()
  await expect(page.getByTestId('lesson-item').first()).toBeVisible()
  await expectAccessible(page)
  await page.getByTestId('lesson-item').first().locator('a').click()
  await expect(page.locator('.lesson-nav')).toBeVisible()
  await expectAccessible(page)
  await page.context().clearCookies()

  await signIn(page, 'trainer@gtac.test')
  await page.goto('/training/manage')
  await expectAccessible(page)
  await page.locator('table a').first().click()
  await expect(page.getByTestId('manage-lesson').first()).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: '添加课时' }).click()
  await expect(page.getByTestId('editor-body')).toBeVisible()
  await expectAccessible(page)
})
