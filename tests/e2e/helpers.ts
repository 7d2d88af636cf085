import type { Page } from '@playwright/test'

export const DEMO_PASSWORD = 'gtac-demo'

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel(/邮箱|Email/).fill(email)
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD)
  await page.locator('.auth-card').getByRole('button', { name: /登录|Sign in/ }).click()
  await page.waitForURL(/\/cases/)
}

/** A real 1×1 PNG (it decodes in the browser; uploads check the file's own bytes, not its name). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
