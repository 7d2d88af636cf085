import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('a technician finds cases by a Chinese query and narrows them with a facet', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.getByRole('searchbox').fill('冷车怠速抖')
  await expect(page.locator('.hit').first()).toContainText('P0171')
  const total = await page.locator('.results__summary').textContent()

  await page.locator('.facet').filter({ hasText: /年款|Year/ }).locator('.facet__value').first().click()
  await expect(page.locator('.facet__value--active')).toHaveCount(1)
  await expect(page.locator('.results__summary')).not.toHaveText(total!)
  await expect(page).toHaveURL(/year=\d{4}/)
})

test('anonymous visitors are sent to sign in', async ({ page }) => {
  await page.goto('/cases?q=P0171')
  await expect(page).toHaveURL(/\/login\?redirectTo=/)
})

test('one search over cases, bulletins and questions: a DTC finds each kind, labelled, and the scope switch narrows it', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/cases?q=P0300')
  await page.getByRole('navigation', { name: /搜索范围|Search in/ }).getByRole('link', { name: /^全部$|^All$/ }).click()
  await expect(page).toHaveURL(/type=all/)
  const hits = page.locator('.hit')
  for (const [type, label] of [['case', /^案例$|^Case$/], ['bulletin', /^通报$|^Bulletin$/], ['question', /^问答$|^Question$/]] as const) {
    const hit = hits.filter({ has: page.locator(`.hit__type--${type}`) }).first()
    await expect(hit.locator('.hit__type')).toHaveText(label)
    await expect(hit).toContainText('P0300')
  }
  // The bulletin replaced by the software update is not offered any more.
  await expect(page.locator('[data-hit-type="bulletin"]')).toHaveCount(1)
  await expect(page.locator('[data-hit-type="bulletin"]')).toContainText('V2.3')

  await page.getByRole('link', { name: /^问答$|^Questions$/ }).click()
  await expect(page).toHaveURL(/type=question/)
  await expect(page.locator('.hit').first()).toBeVisible()
  await expect(page.locator('.hit:not([data-hit-type="question"])')).toHaveCount(0)
  await page.locator('.hit__title a').first().click()
  await expect(page).toHaveURL(/\/forum\/[a-z0-9]+$/)
})
