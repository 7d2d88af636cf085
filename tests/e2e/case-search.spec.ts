import { expect, test } from './fixtures'
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

test('opening a hit of a logged search tells the insights which one, also when the page was loaded whole', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  // A document request: the log's id arrives in the page's stream, after the results.
  await page.goto('/cases?q=P0171')
  const beacon = page.waitForResponse((response) => response.url().endsWith('/search/clicks'))
  await page.locator('.hit__title a').first().click()
  expect((await beacon).status()).toBe(204)
})

test('a search address with an invalid parameter says so (400), not "try again later"', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  const response = await page.goto('/cases?q=P0171&offset=-5')
  expect(response?.status()).toBe(400)
  await expect(page.locator('.error-page h1')).toHaveText('地址中的参数无效，请返回重新搜索或打开')
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

test('a search that finds nothing reaches the insights; an engineer adds its word as a synonym and the same search then finds the case', async ({ browser }) => {
  test.setTimeout(120_000)
  const tech = await (await browser.newContext()).newPage()
  await signIn(tech, 'tech@gtac.test')
  await tech.goto(`/cases?q=${encodeURIComponent('馊味')}`)
  await expect(tech.locator('.empty-state')).toBeVisible()

  const engineer = await (await browser.newContext()).newPage()
  await signIn(engineer, 'expert@gtac.test')
  await engineer.getByRole('navigation', { name: /搜索管理|Search curation/ }).getByRole('link', { name: /搜索洞察|Search insights/ }).click()
  const zero = engineer.locator('section').filter({ has: engineer.getByRole('heading', { name: /没有结果的搜索|Searches with no result/ }) })
  await zero.getByRole('link', { name: /加为同义词: 馊味|Add as synonym: 馊味/ }).click()
  await expect(engineer).toHaveURL(/\/search\/vocabulary\?term=/)
  await expect(engineer.getByLabel(/口语说法|Colloquial words/)).toHaveValue('馊味')
  await engineer.getByLabel(/^标准术语$|^Standard term$/).fill('霉味')
  await engineer.getByLabel(/^英文|^English/).fill('musty odour')
  await engineer.getByRole('button', { name: /^保存$|^Save$/ }).click()
  await expect(engineer.locator('.notice--ok')).toHaveText(/已保存|Saved/)
  await expect(engineer.getByRole('row', { name: /霉味/ })).toContainText('馊味')

  await expect(async () => {
    await tech.goto(`/cases?q=${encodeURIComponent('馊味')}`)
    await expect(tech.locator('.hit').first()).toContainText('霉味', { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
})
