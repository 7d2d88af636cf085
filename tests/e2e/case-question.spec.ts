import { expect, test } from './fixtures'
import { signIn } from './helpers'

test('a trainer drafts an exam question from a classic case, edits it and saves it to the bank', async ({ page }) => {
  await signIn(page, 'trainer@gtac.test')
  await page.goto('/cases?classic=true')
  await page.locator('.hit__title a').first().click()
  await expect(page.locator('h1')).toBeVisible()
  await page.getByRole('link', { name: '由案例出题' }).click()
  await expect(page.getByTestId('draft-from-case')).toBeVisible()
  const stem = page.getByLabel('题干', { exact: true })
  await expect(stem).toHaveValue(/最可能的根本原因是？|most likely root cause/)
  await expect(page.getByLabel('选项 A', { exact: true })).not.toHaveValue('')
  await expect(page.getByLabel('选项 B', { exact: true })).not.toHaveValue('')
  const marker = `E2E-${Date.now().toString(36)}`
  await stem.fill(`${marker} ${await stem.inputValue()}`)
  await page.getByRole('button', { name: '保存题目' }).click()
  await page.waitForURL(/\/exams\/manage\/questions$/)
  await expect(page.getByTestId('bank-list')).toContainText(marker)
})

test('a technician sees no such button on a classic case', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/cases?classic=true')
  await page.locator('.hit__title a').first().click()
  await expect(page.locator('h1')).toBeVisible()
  await expect(page.getByRole('link', { name: '由案例出题' })).toHaveCount(0)
})
