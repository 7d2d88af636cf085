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
