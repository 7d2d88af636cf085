import { expect, test } from './fixtures'
import { claimedRequest, expectVideoFlowing, joinCall, participant, remoteTile } from './call-helpers'

test('technician and expert join from the request page, see each other, chat, and recover from a signaling drop', async ({ browser }) => {
  test.setTimeout(150_000)
  const tech = await participant(browser, 'tech@gtac.test', { width: 390, height: 844 })
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const id = await claimedRequest(tech, expert)

  await tech.goto(`/assistance/${id}`)
  await expert.goto(`/assistance/${id}`)
  // Pre-join: a camera preview and a microphone level before the Join button.
  await expect(tech.locator('.prejoin video')).toBeVisible()
  await expect(tech.locator('#mic-level')).toBeVisible()
  await joinCall(tech)
  await joinCall(expert)
  await expectVideoFlowing(tech)
  await expectVideoFlowing(expert)
  await expect(expert.locator('.live-call')).toContainText(/王师傅|Wang/)

  // Chat is the request's message thread: both ways, and still there after a reload.
  await expert.getByLabel(/输入消息|Write a message/).fill('请把摄像头对准点火线圈')
  await expert.getByRole('button', { name: /^发送$|^Send$/ }).click()
  await expect(tech.locator('.message-list')).toContainText('请把摄像头对准点火线圈')
  await tech.getByLabel(/输入消息|Write a message/).fill('好的，正在对准')
  await tech.getByRole('button', { name: /^发送$|^Send$/ }).click()
  await expect(expert.locator('.message-list')).toContainText('好的，正在对准')

  // The expert's signaling drops and comes back: the call rejoins and video flows again.
  await expert.context().setOffline(true)
  await expect(expert.getByRole('status').filter({ hasText: /正在重新连接|reconnecting/ })).toBeVisible()
  await expert.context().setOffline(false)
  await expect(expert.getByRole('status').filter({ hasText: /正在重新连接|reconnecting/ })).toHaveCount(0, { timeout: 20_000 })
  await expectVideoFlowing(expert)
  await expectVideoFlowing(tech)

  // Mute and low-bandwidth mode (own video off) show on the other side.
  await tech.getByRole('button', { name: /^静音$|^Mute$/ }).click()
  await expect(remoteTile(expert)).toContainText(/已静音|muted/)
  await tech.getByRole('button', { name: /省流模式|Low bandwidth/ }).click()
  await expect(remoteTile(expert)).toContainText(/摄像头已关闭|camera off/)
  await tech.getByRole('button', { name: /省流模式|Low bandwidth/ }).click()
  await expect(remoteTile(expert)).not.toContainText(/摄像头已关闭|camera off/)

  // Leaving ends the other side's tile; rejoining brings it back.
  await tech.getByRole('button', { name: /^离开$|^Leave$/ }).click()
  await expect(remoteTile(expert)).toHaveCount(0)
  await tech.reload()
  await expect(tech.locator('.message-list')).toContainText('请把摄像头对准点火线圈')
  await joinCall(tech)
  await expectVideoFlowing(expert)
  const overflow = await tech.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('someone outside the request cannot open its page or its call', async ({ browser }) => {
  test.setTimeout(90_000)
  const tech = await participant(browser, 'tech@gtac.test', { width: 1280, height: 900 })
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const id = await claimedRequest(tech, expert)
  const outsider = await participant(browser, 'expert2@gtac.test', { width: 1280, height: 900 })
  const response = await outsider.goto(`/assistance/${id}`)
  expect(response?.status()).toBe(404)
  await expect(outsider.locator('.live-call')).toHaveCount(0)
})
