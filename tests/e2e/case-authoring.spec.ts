import { expect, test, type Page } from './fixtures'
import { signIn, TINY_PNG } from './helpers'


async function fillEditor(page: Page, name: string, text: string) {
  const editor = page.getByTestId(`editor-${name}`)
  await editor.click()
  await page.keyboard.type(text)
}

test('a technician writes a case, an expert approves it, and it is found in English with a typo and in Chinese', async ({ browser }) => {
  const unique = `${Date.now()}`.slice(-6)
  const title = `Gearbox whine zebra${unique} 变速箱异响`
  const tech = await browser.newPage()
  await signIn(tech, 'tech@gtac.test')
  await tech.goto('/cases/new')

  await tech.getByLabel(/^(标题|Title)$/).fill(title)
  await tech.getByLabel(/^(车型|Model)$/).selectOption({ index: 1 })
  await tech.getByLabel(/^(年款|Year)$/).fill('2022')
  await tech.getByLabel(/^(系统|System)$/).selectOption('transmission')
  await tech.getByLabel(/^VIN$/).fill('lsvag2180e2100001')
  await tech.getByLabel(/里程|Mileage/).fill('51000')
  await tech.getByLabel(/^(故障码|DTCs)$/).fill('p0730, P0841')

  await fillEditor(tech, 'symptoms', 'Whining noise from the transmission in 4th gear. ')
  await tech.keyboard.press('Control+b')
  await tech.keyboard.type('Only when warm.')
  await fillEditor(tech, 'diagnosis', 'Checked fluid level and pressure. ')
  await tech.getByTestId('editor-diagnosis-image').setInputFiles({ name: 'pressure-gauge.png', mimeType: 'image/png', buffer: TINY_PNG })
  await expect(tech.getByTestId('editor-diagnosis').locator('img')).toHaveAttribute('src', /^\/files\//)
  await fillEditor(tech, 'rootCause', 'Worn output shaft bearing.')
  await fillEditor(tech, 'fix', 'Replaced the output shaft bearing.')
  await tech.getByRole('button', { name: /添加配件|Add part/ }).click()
  await tech.getByLabel(/配件号 1|Part number 1/).fill('3043009900')
  await tech.getByLabel(/名称 1|Name 1/).fill('Output shaft bearing')

  await tech.getByRole('button', { name: /保存并提交审核|Save and submit/ }).click()
  await expect(tech.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(tech.locator('.badge--submitted')).toBeVisible()
  await expect(tech.locator('.rich-text strong')).toHaveText('Only when warm.')
  await expect(tech.locator('.rich-text img')).toHaveAttribute('src', /^\/files\//)
  const caseUrl = tech.url()

  // Not yet published: another station's technician cannot open it.
  const other = await browser.newPage()
  await signIn(other, 'tech2@gtac.test')
  const response = await other.goto(caseUrl)
  expect(response?.status()).toBe(404)

  const expert = await browser.newPage()
  await signIn(expert, 'expert@gtac.test')
  await expert.goto('/review')
  await expert.getByRole('link', { name: title }).click()
  await expert.getByRole('button', { name: /审核通过|Approve/ }).click()
  await expect(expert.locator('.badge--approved')).toBeVisible()

  // Indexing is asynchronous (outbox → Meilisearch): wait until the approved case is searchable.
  await expect(async () => {
    await tech.goto(`/cases?q=zebra${unique}`)
    await expect(tech.locator('.hit')).toHaveCount(1, { timeout: 500 })
  }).toPass({ timeout: 30_000 })

  await tech.goto('/cases')
  await tech.getByRole('searchbox').fill(`zebar${unique} whien`)
  await expect(tech.locator('.hit').first()).toContainText(`zebra${unique}`)
  await tech.getByRole('searchbox').fill(`变速箱异响 zebra${unique}`)
  await expect(tech.locator('.hit').first()).toContainText(title)

  // Published now: the other station sees it too.
  expect((await other.goto(caseUrl))?.status()).toBe(200)
})

test('a draft stays private to its station', async ({ browser }) => {
  const tech = await browser.newPage()
  await signIn(tech, 'tech@gtac.test')
  await tech.goto('/cases')
  const draftLink = tech.locator('.work-in-progress a').first()
  await expect(draftLink).toBeVisible()
  const href = await draftLink.getAttribute('href')
  // A draft's edit page is a page of its own (not the case page again), with the editor.
  const ownDraft = await tech.locator('.work-in-progress a', { hasText: '草稿' }).first().getAttribute('href')
  await tech.goto(`${ownDraft}/edit`)
  await expect(tech.getByTestId('editor-fix')).toBeVisible()

  const other = await browser.newPage()
  await signIn(other, 'tech2@gtac.test')
  expect((await other.goto(href!))?.status()).toBe(404)
  await expect(other.locator('.error-page')).toBeVisible()
})

test('validation errors are shown per field and nothing is saved', async ({ page }) => {
  await signIn(page, 'tech@gtac.test')
  await page.goto('/cases/new')
  // Hydration resets the form's controlled fields (the VIN) when it lands after typing on a loaded
  // machine: fill and save until both errors show (an invalid save writes nothing, so repeating is safe).
  await expect(async () => {
    await page.getByLabel(/^(标题|Title)$/).fill('abc')
    await page.getByLabel(/^VIN$/).fill('IOQ123')
    await page.getByRole('button', { name: /保存草稿|Save draft/ }).click()
    await expect(page.locator('#title-error')).toBeVisible({ timeout: 3_000 })
    await expect(page.locator('#vin-error')).toBeVisible({ timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page).toHaveURL(/\/cases\/new$/)
})

test('while writing a case a technician sees it is already in the library and confirms that fix instead; an engineer merges a duplicate', async ({ browser }) => {
  test.setTimeout(120_000)
  const tech = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  await signIn(tech, 'tech2@gtac.test')
  await tech.goto('/cases/new')
  const similar = tech.getByRole('complementary', { name: /是不是这些案例之一|Is it one of these/ })
  await expect(similar).toContainText(/填写标题|Similar cases appear/)
  await tech.getByLabel(/^(标题|Title)$/).fill('冷车怠速抖动 故障灯亮')
  await tech.getByLabel(/^(故障码|DTCs)$/).fill('P0171')
  const first = similar.getByRole('listitem').first()
  await expect(first).toContainText('P0171')
  const caseHref = await first.getByRole('link').getAttribute('href')
  await first.getByRole('button', { name: /这个方法修好了|This fix worked/ }).click()
  await expect(tech).toHaveURL(new RegExp(`${caseHref}$`))
  await expect(tech.getByText(/您已确认此方案有效|You confirmed this fix/)).toBeVisible()

  const engineer = await (await browser.newContext()).newPage()
  await signIn(engineer, 'expert@gtac.test')
  await engineer.goto(caseHref!)
  const duplicates = engineer.getByRole('region', { name: /可能重复的案例|Possible duplicates/ })
  const candidate = duplicates.getByRole('listitem').first()
  const duplicateHref = await candidate.getByRole('link').getAttribute('href')
  engineer.once('dialog', (dialog) => dialog.accept())
  await candidate.getByRole('button', { name: /合并到本案例|Merge into this case/ }).click()
  await expect(engineer.locator('.notice--ok')).toContainText(/已合并|Merged/)
  await engineer.goto(duplicateHref!)
  await expect(engineer).toHaveURL(new RegExp(`${caseHref}\\?merged=`))
  await expect(engineer.locator('.notice--ok')).toContainText(/已合并到这里|merged into this one/)
})
