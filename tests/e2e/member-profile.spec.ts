import { expect, test } from './fixtures'
import { signIn } from './helpers'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4YaMBRwzEcQDxwxLBXOwG1wAAAABJRU5ErkJggg==',
  'base64',
)

test('a technician fills in expertise, languages and a picture on a phone; the profile shows them; a wrong file is refused', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  await signIn(page, 'tech2@gtac.test')
  await page.goto('/me')
  await page.getByRole('link', { name: /^编辑资料$|^Edit profile$/ }).click()
  await expect(page).toHaveURL(/\/me\/profile$/)

  await page.getByLabel(/^头像$|^Picture$/).setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') })
  await page.getByRole('button', { name: /^保存$|^Save$/ }).click()
  await expect(page.locator('#profile-avatar-error')).toHaveText(/JPEG、PNG 或 WebP|JPEG, PNG or WebP/)

  await page.getByRole('group', { name: /擅长的系统|Systems I know well/ }).getByLabel(/变速箱|Transmission/).check()
  await page.getByRole('group', { name: /工作语言|Working languages/ }).getByLabel('English').check()
  await page.getByLabel(/^头像$|^Picture$/).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG })
  await page.getByRole('button', { name: /^保存$|^Save$/ }).click()

  await expect(page).toHaveURL(/\/me\?saved=profile$/)
  await expect(page.locator('.notice--ok')).toHaveText(/资料已保存|Profile saved/)
  await expect(page.locator('.facts')).toContainText(/变速箱|Transmission/)
  await expect(page.locator('.facts')).toContainText('English')
  const picture = page.locator('.profile-head img.avatar')
  await expect(picture).toBeVisible()
  // Visible is not loaded: wait for the picture's bytes (decoded, it is the 4-pixel-wide upload).
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(4)
})
