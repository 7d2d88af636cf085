import { expect, test, type Page } from './fixtures'
import { expectVideoFlowing, joinCall, participant } from './call-helpers'

// Two real browsers with Chromium's fake camera: the inspector (expert@, desktop) schedules an
// inspection of the station managers' station against the facilities checklist and starts it;
// the station manager (manager@, phone) joins. Items are scored with a snapshot as evidence, a
// failed item becomes a corrective action, the station uploads proof, the inspector verifies it;
// another is fixed during the call and verified at once from a fresh snapshot; both sign, and the
// score shows on both sides, in the list, the reports and the printable report.

// A tiny real PNG (signature and header are what the upload checks).
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const items = (page: Page) => page.getByTestId('checklist-item')
const score = async (page: Page, index: number, outcome: '合格' | '不合格' | '不适用') => {
  const button = items(page).nth(index).getByRole('button', { name: outcome, exact: true })
  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect(items(page).nth(index)).toHaveAttribute('data-outcome', /PASS|FAIL|NA/)
}


/** The document title Chromium writes into a PDF (a literal string or UTF-16 hex). */
function pdfTitle(bytes: Buffer) {
  const match = /\/Title\s*(?:<([0-9A-Fa-f]+)>|\(((?:[^()\\]|\\.)*)\))/.exec(bytes.toString('latin1'))
  if (!match) return ''
  if (match[2] !== undefined) return match[2]
  const hex = Buffer.from(match[1], 'hex')
  return hex.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? hex.subarray(2).swap16().toString('utf16le') : hex.toString('latin1')
}

test('an inspection over live video: schedule, start, join, score with a snapshot, corrective action with proof, verify, sign, score, report', async ({ browser }) => {
  test.setTimeout(300_000)
  const inspector = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const station = await participant(browser, 'manager@gtac.test', { width: 390, height: 844 })

  // Scheduling: field messages first, then the real thing.
  await inspector.goto('/inspections')
  await inspector.getByRole('button', { name: '安排', exact: true }).click()
  await expect(inspector.locator('#schedule-stationId-error')).toHaveText('请选择服务站')
  await inspector.getByLabel('服务站').selectOption({ label: (await inspector.getByLabel('服务站').locator('option', { hasText: 'BJ001' }).textContent())! })
  await inspector.getByLabel('检查表').selectOption({ label: (await inspector.getByLabel('检查表').locator('option', { hasText: '设施设备' }).textContent())! })
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
  const day = tomorrow.toISOString().slice(0, 10)
  await inspector.getByLabel('时间').fill(`${day}T09:30`)
  await inspector.getByRole('button', { name: '安排', exact: true }).click()
  await inspector.waitForURL(/\/inspections\/[a-z0-9]+$/)
  const url = new URL(inspector.url()).pathname
  // The URL changes a moment before the new page renders; the list may show other inspections' badges.
  await expect(inspector.getByRole('heading', { level: 1 })).toContainText('设施设备')
  await expect(inspector.getByTestId('inspection-status')).toHaveText('已安排')

  // Both sides were told.
  await station.goto('/notifications')
  await expect(station.locator('.notification-list')).toContainText('设施设备')

  await inspector.getByRole('button', { name: '开始巡检' }).click()
  await expect(inspector.getByTestId('inspection-status')).toHaveText('进行中')

  await station.goto(url)
  await expect(station.getByTestId('inspection-status')).toHaveText('进行中')
  await joinCall(inspector)
  await joinCall(station)
  await expectVideoFlowing(inspector)

  // Scoring: 1.1 and 1.3 fail, 1.2 does not apply, the rest pass. The station follows live.
  await expect(items(inspector)).toHaveCount(12)
  await score(inspector, 0, '不合格')
  await score(inspector, 1, '不适用')
  await score(inspector, 2, '不合格')
  for (let index = 3; index < 12; index += 1) await score(inspector, index, '合格')
  await expect(station.getByTestId('score-progress')).toHaveText('已评 12 / 12 项')
  // Weights 2, 1, 2, ...: 20 in all; the N/A item's 1 is out, the failed items' 2 + 2 are lost: 15 of 19.
  await expect(station.getByTestId('live-score')).toContainText('78.9')
  await expect(items(station).first().getByTestId('item-outcome')).toContainText('不合格')

  // A snapshot of the station's video becomes evidence of the failed item.
  await inspector.getByLabel('快照归属').selectOption({ label: (await inspector.getByLabel('快照归属').locator('option', { hasText: '1.1 ' }).textContent())! })
  await inspector.getByRole('button', { name: /给 张站长.* 的画面拍照/ }).click()
  const annotation = inspector.getByRole('region', { name: /快照标注|Annotate snapshot/ })
  await expect(annotation).toBeVisible({ timeout: 20_000 })
  await annotation.getByRole('button', { name: /^保存$|^Save$/ }).click()
  await expect(annotation).toHaveCount(0)
  for (const page of [inspector, station]) {
    const evidence = items(page).first().locator('.evidence-list img')
    await expect(evidence).toHaveCount(1)
    await expect.poll(() => evidence.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  }

  // Each failed item becomes a corrective action owned by the station manager.
  const raiseAction = async (code: string, proof: string) => {
    await inspector.getByText(`生成整改项 · ${code}`).click()
    const raise = inspector.locator('.raise-action[open]')
    await raise.getByRole('button', { name: '生成整改项' }).click()
    await expect(raise.locator('.field-error').first()).toBeVisible()
    await raise.getByLabel('负责人').selectOption({ label: (await raise.getByLabel('负责人').locator('option', { hasText: '张站长' }).textContent())! })
    await raise.getByLabel('截止日期').fill(day)
    await raise.getByLabel('需要的整改证明').fill(proof)
    await raise.getByRole('button', { name: '生成整改项' }).click()
    await expect(inspector.getByTestId('corrective-action').filter({ hasText: proof })).toHaveAttribute('data-status', 'OPEN')
  }
  await raiseAction('1.1', '入口标识修复后的照片')
  await raiseAction('1.3', '价格公示牌的照片')

  // 1.3 is fixed during the call: a fresh snapshot verifies it at once.
  await inspector.getByLabel('快照归属').selectOption({ label: (await inspector.getByLabel('快照归属').locator('option', { hasText: '验证整改：接待台' }).textContent())! })
  await inspector.getByRole('button', { name: /给 张站长.* 的画面拍照/ }).click()
  await expect(annotation).toBeVisible({ timeout: 20_000 })
  await annotation.getByRole('button', { name: /^保存$|^Save$/ }).click()
  await expect(annotation).toHaveCount(0)
  const fixedInCall = station.getByTestId('corrective-action').filter({ hasText: '价格公示牌' })
  await expect(fixedInCall).toHaveAttribute('data-status', 'VERIFIED')
  await expect(fixedInCall.locator('.evidence-list img')).toHaveCount(1)

  // The station uploads its proof for 1.1.
  const inspectorAction = inspector.getByTestId('corrective-action').filter({ hasText: '入口标识' })
  const stationAction = station.getByTestId('corrective-action').filter({ hasText: '入口标识' })
  await expect(stationAction).toHaveAttribute('data-status', 'OPEN')
  await stationAction.getByLabel('说明').fill('已更换灯箱')
  await stationAction.locator('input[type=file]').setInputFiles({ name: 'proof.png', mimeType: 'image/png', buffer: PNG })
  await expect(stationAction.getByText('proof.png')).toBeVisible()
  await stationAction.getByRole('button', { name: '提交整改证明' }).click()
  await expect(stationAction).toHaveAttribute('data-status', 'PROOF_SUBMITTED')

  // The inspector sees it at once and verifies it.
  await expect(inspectorAction).toHaveAttribute('data-status', 'PROOF_SUBMITTED')
  await expect(inspectorAction).toContainText('已更换灯箱')
  await inspectorAction.getByRole('button', { name: '验证通过' }).click()
  await expect(inspectorAction).toHaveAttribute('data-status', 'VERIFIED')
  await expect(stationAction).toHaveAttribute('data-status', 'VERIFIED')

  // Sign-off waits for a photo of every scored item that needs one; the inspector takes the rest.
  await expect(items(inspector).filter({ hasText: '缺少照片' })).toHaveCount(8)
  for (const page of [inspector, station]) await expect(page.getByTestId('photos-missing')).toContainText('还有 8 个需要照片证据的检查项没有照片')
  await expect(inspector.getByLabel('输入您的姓名签字')).toHaveCount(0)
  for (const code of ['1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '3.1']) {
    const target = inspector.getByLabel('快照归属')
    await target.selectOption({ label: (await target.locator('option', { hasText: `${code} ` }).first().textContent())! })
    await inspector.getByRole('button', { name: /给 张站长.* 的画面拍照/ }).click()
    await expect(annotation).toBeVisible({ timeout: 20_000 })
    await annotation.getByRole('button', { name: /^保存$|^Save$/ }).click()
    await expect(annotation).toHaveCount(0)
  }
  await expect(items(inspector).filter({ hasText: '缺少照片' })).toHaveCount(0)
  await expect(items(station).filter({ hasText: '缺少照片' })).toHaveCount(0)
  await expect(station.getByTestId('photos-missing')).toHaveCount(0)

  // Sign-off by both finishes it with the score.
  await inspector.getByLabel('输入您的姓名签字').fill('陈工')
  await inspector.getByRole('button', { name: '签字', exact: true }).click()
  await expect(inspector.getByTestId('signature-inspector')).toContainText('陈工 于')
  await station.getByLabel('输入您的姓名签字').fill('张站长')
  await station.getByRole('button', { name: '签字', exact: true }).click()
  await expect(station.getByTestId('inspection-status')).toHaveText('已完成')
  await expect(inspector.getByTestId('inspection-status')).toHaveText('已完成')
  await expect(inspector.getByTestId('live-score')).toContainText('78.9')

  // The printable report (the browser saves it as PDF) with its evidence photo, and the reports.
  await inspector.getByRole('link', { name: '巡检报告' }).click()
  await expect(inspector.getByRole('heading', { level: 1 })).toContainText('巡检报告')
  await expect(inspector.getByTestId('live-score')).toContainText('78.9')
  await expect.poll(() => inspector.locator('.report-items .evidence-list img').first().evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
  // The PDF, rendered on the server by Chromium from the same report: its title carries the score
  // and it holds the evidence photo.
  const pdfHref = await inspector.getByRole('link', { name: '下载 PDF' }).getAttribute('href')
  const pdf = await inspector.request.get(pdfHref!)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const bytes = await pdf.body()
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdfTitle(bytes)).toContain('78.9')
  expect(bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
  expect((await station.request.get(pdfHref!)).status()).toBe(200)
  await inspector.goto('/inspections/reports')
  await expect(inspector.getByTestId('league-table')).toContainText('BJ001')
  await expect(inspector.getByTestId('station-history')).toContainText('78.9')
  await expect(inspector.getByTestId('most-failed')).toContainText('入口标识')

  await inspector.goto('/inspections')
  await expect(inspector.locator('.inspection-row', { hasText: '设施设备' }).first()).toContainText('78.9')
  await station.goto('/inspections')
  await expect(station.locator('.inspection-row', { hasText: '设施设备' }).first()).toContainText('78.9')
})
