import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { signIn } from './helpers'

test('a trainer finds the stations with certification gaps and a station’s people; a station manager sees their own station', async ({ page }) => {
  await signIn(page, 'trainer@gtac.test')
  await page.goto('/exams')
  await page.getByRole('link', { name: '认证覆盖报表' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '认证覆盖' })).toBeVisible()
  await expect(page.getByTestId('coverage-regions')).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('只看有缺口的服务站').check()
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page).toHaveURL(/gaps=1/)
  // SH002 has a service advisor but no station manager: that position is listed as a gap.
  const sh002 = page.locator('tr[data-station="SH002"]')
  await expect(sh002.getByRole('list', { name: '缺少持证人的岗位' })).toContainText('站长')
  await expect(sh002.getByRole('list', { name: '缺少持证人的岗位' })).not.toContainText('服务顾问')
  await sh002.getByRole('link').click()
  const people = page.getByTestId('coverage-members')
  await expect(people).toContainText('李师傅')
  await expect(people.locator('tr', { hasText: '李师傅' }).locator('.coverage-gap').first()).toBeVisible()
  await expectAccessible(page)

  await page.context().clearCookies()
  await signIn(page, 'manager@gtac.test')
  await page.goto('/exams/coverage')
  await expect(page.getByRole('heading', { name: '本站' })).toBeVisible()
  await expect(page.getByTestId('coverage-stations').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('coverage-members')).toContainText('张站长')
  await expect(page.getByTestId('coverage-regions')).toHaveCount(0)
  await expectAccessible(page)
})
