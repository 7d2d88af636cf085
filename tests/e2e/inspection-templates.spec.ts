import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { signIn } from './helpers'

// An admin writes a new checklist (the demo ones are left alone: other tests inspect with them),
// is told which field is wrong, publishes it, then edits it into version 2.
test('an admin creates a checklist, fixes a field the server refused, publishes it and edits it into version 2', async ({ page }) => {
  await signIn(page, 'admin@gtac.test')
  await page.goto('/inspections')
  await page.getByRole('link', { name: '检查表', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: '检查表' })).toBeVisible()
  await expect(page.locator('.template-list')).toContainText('设施设备')
  await expectAccessible(page)

  await page.getByRole('link', { name: '新建检查表' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '新建检查表' })).toBeVisible()
  await page.getByLabel('标识').fill('e2e-lighting')
  await page.getByLabel('名称（中文）').fill('照明检查')
  await page.getByLabel('名称（英文）').fill('Lighting check')
  const section = page.getByRole('group', { name: '第 1 部分' })
  await section.getByLabel('标题（中文）').first().fill('车间照明')
  await section.getByLabel('标题（英文）').first().fill('Workshop lighting')
  const first = page.getByRole('group', { name: '检查项 1.1' })
  await first.getByLabel('内容（中文）').fill('工位照明充足')
  await first.getByLabel('内容（英文）').fill('Bays well lit')
  // Adding a checkpoint needs the page's script: click until it is there.
  await expect(async () => {
    await section.getByRole('button', { name: '添加检查项' }).click()
    await expect(page.getByRole('group', { name: '检查项 1.2' })).toBeVisible({ timeout: 1000 })
  }).toPass()
  const second = page.getByRole('group', { name: '检查项 1.2' })
  await second.getByLabel('内容（中文）').fill('应急灯可用')
  await second.getByLabel('内容（英文）').fill('Emergency lights work')
  await second.getByLabel('权重（1–10）').fill('11')
  await page.getByRole('button', { name: '发布新版本' }).click()

  await expect(page.getByRole('alert')).toHaveText('请修改标出的字段后再发布。')
  await expect(second.getByLabel('权重（1–10）')).toHaveAttribute('aria-invalid', 'true')
  await expect(second).toContainText('权重须为 1 到 10 的整数')
  await expectAccessible(page)

  await second.getByLabel('权重（1–10）').fill('2')
  await second.getByLabel('需要照片证据').check()
  await page.getByRole('button', { name: '发布新版本' }).click()
  await expect(page.getByRole('status')).toHaveText('已发布“照明检查”第 1 版。')
  await expect(page.locator('.template-list')).toContainText('1 个部分，2 项 · 第 1 版')

  // Version 2: the second checkpoint moves up, the first is removed.
  await page.getByRole('link', { name: '编辑 · 照明检查' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '编辑检查表：照明检查' })).toBeVisible()
  await expect(page.getByText('当前为第 1 版；保存即发布第 2 版。')).toBeVisible()
  await expect(async () => {
    await page.getByRole('button', { name: '上移 · 检查项 1.2' }).click()
    await expect(page.getByRole('group', { name: '检查项 1.1' }).getByLabel('内容（英文）')).toHaveValue('Emergency lights work', { timeout: 1000 })
  }).toPass()
  await expect(page.getByRole('group', { name: '检查项 1.1' }).getByLabel('需要照片证据')).toBeChecked()
  await page.getByRole('button', { name: '删除 · 检查项 1.2' }).click()
  await expect(page.getByRole('group', { name: '检查项 1.2' })).toHaveCount(0)
  await page.getByRole('button', { name: '发布新版本' }).click()
  await expect(page.getByRole('status')).toHaveText('已发布“照明检查”第 2 版。')
  await expect(page.locator('.template-list')).toContainText('1 个部分，1 项 · 第 2 版')

  // A phone shows the editor in one column.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('link', { name: '编辑 · 照明检查' }).click()
  await expect(page.getByRole('group', { name: '检查项 1.1' }).getByLabel('内容（英文）')).toHaveValue('Emergency lights work')
  await expectAccessible(page)
})
