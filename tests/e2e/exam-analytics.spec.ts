import fs from 'node:fs'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { signIn } from './helpers'

const PRACTICE_EXAM = '新能源高压安全练习 EV high-voltage safety practice'

test('a trainer opens the exam analytics from the management tabs, sees the charts and the question table, and downloads a CSV', async ({ page }) => {
  await signIn(page, 'trainer@gtac.test')
  await page.goto('/exams/manage')
  await page.getByRole('navigation', { name: '考试管理' }).getByRole('link', { name: '分析' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '考试分析' })).toBeVisible()

  // The demo candidates' attempts of the last six months: four charts, each with its table.
  for (const title of ['各考试通过率', '每月通过率', '各服务站通过率', '各区域通过率']) {
    await expect(page.getByRole('img', { name: title })).toBeVisible()
    await expect(page.getByRole('region', { name: title }).locator('.kpi-table tbody tr').first()).toBeVisible()
  }
  await expect(page.getByRole('region', { name: '各区域通过率' })).toContainText('华北')
  await expect(page.getByText('选择一个考试，查看每道题的难度和区分度。')).toBeVisible()
  await expectAccessible(page)

  // Choose the EV practice test with the keyboard: its questions, with a flag on the one everybody gets right.
  await page.getByLabel('考试', { exact: true }).focus()
  await page.getByLabel('考试', { exact: true }).selectOption({ label: PRACTICE_EXAM })
  await page.getByRole('button', { name: '查看' }).press('Enter')
  await page.waitForURL(/exam=/)
  const questions = page.getByRole('region', { name: '题目分析' })
  await expect(questions.getByRole('columnheader', { name: '区分度 D' })).toBeVisible()
  await expect(questions.locator('tbody tr')).toHaveCount(7)
  await expect(questions.getByText('太容易')).toBeVisible()
  await expect(questions.getByRole('link', { name: /^编辑题目：/ }).first()).toHaveAttribute('href', /^\/exams\/manage\/questions\/[a-z0-9]+$/)
  await expectAccessible(page)

  const [download] = await Promise.all([page.waitForEvent('download'), questions.getByRole('link', { name: /导出 CSV/ }).click()])
  expect(download.suggestedFilename()).toMatch(/^exam-analytics-questions-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = fs.readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
  expect(lines[0]).toBe('questionId,question,kind,system,responses,correct,difficulty,upperCorrectShare,lowerCorrectShare,discrimination,flags')
  expect(lines).toHaveLength(8)
  expect(lines.some((line) => line.endsWith(',too-easy poor-discrimination') || line.endsWith(',too-easy'))).toBe(true)

  // On a phone the tables scroll inside their own box: the page itself does not.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByRole('img', { name: '每月通过率' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await expectAccessible(page)
})

test('a technician is refused the analytics', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  const response = await page.goto('/exams/analytics')
  expect(response?.status()).toBe(403)
})
