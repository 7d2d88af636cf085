import { expect, test, type Page } from './fixtures'
import { claimedRequest, participant } from './call-helpers'

/** The page's loader-data requests (single fetch: `<route>.data`), a revalidation or a form post each. */
function dataRequests(page: Page, id: string) {
  const seen: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/assistance/${id}.data`) seen.push(request.method())
  })
  return seen
}

const send = async (page: Page, text: string) => {
  await page.getByLabel(/输入消息|Write a message/).fill(text)
  await page.getByRole('button', { name: /^发送$|^Send$/ }).click()
}

test('a chat message goes over the socket and is appended on both pages without reloading their data; a page catches up after a reconnection; without the socket it goes through the form', async ({ browser }) => {
  test.setTimeout(90_000)
  const tech = await participant(browser, 'tech@gtac.test', { width: 390, height: 844 })
  const expert = await participant(browser, 'expert@gtac.test', { width: 1280, height: 900 })
  const id = await claimedRequest(tech, expert)
  for (const page of [tech, expert]) {
    await page.goto(`/assistance/${id}`)
    await expect(page.locator('html')).toHaveAttribute('data-realtime', 'connected')
  }
  const atTech = dataRequests(tech, id)
  const atExpert = dataRequests(expert, id)

  await send(expert, '请读取长期燃油修正')
  await expect(expert.locator('.message-list')).toContainText('请读取长期燃油修正')
  await expect(expert.getByLabel(/输入消息|Write a message/)).toHaveValue('')
  await expect(tech.locator('.message-list')).toContainText('请读取长期燃油修正')
  await send(tech, 'LTFT +18%')
  await expect(expert.locator('.message-list .message')).toHaveCount(2)
  await expect(tech.locator('.message-list .message')).toHaveCount(2)
  await expect(tech.locator('.message-list [data-pending]')).toHaveCount(0)
  // Revalidations wait 100 ms for a burst of events: give any a chance to start.
  await tech.waitForTimeout(1000)
  expect({ tech: atTech, expert: atExpert }).toEqual({ tech: [], expert: [] })

  // History after a reload comes from the loader.
  await tech.reload()
  await expect(tech.locator('.message-list .message')).toHaveCount(2)
  await expect(tech.locator('.message-list')).toContainText('LTFT +18%')

  // Messages sent while a page's socket was down show once it reconnects. The reloaded page's
  // socket must be up first: offline before it connected, it never disconnects (seen under load).
  await expect(tech.locator('html')).toHaveAttribute('data-realtime', 'connected')
  await tech.context().setOffline(true)
  await expect(tech.locator('html')).toHaveAttribute('data-realtime', 'disconnected')
  await send(expert, '断线期间的消息')
  await expect(expert.locator('.message-list .message')).toHaveCount(3)
  await tech.context().setOffline(false)
  await expect(tech.locator('.message-list')).toContainText('断线期间的消息', { timeout: 20_000 })

  // A page whose socket cannot connect posts the form; the other page still gets it live.
  const offline = await participant(browser, 'manager@gtac.test', { width: 1280, height: 900 })
  await offline.route('**/socket.io/**', (route) => route.abort())
  await offline.routeWebSocket('**/socket.io/**', (socket) => socket.close())
  await offline.goto(`/assistance/${id}`)
  await expect(offline.locator('.message-list .message')).toHaveCount(3)
  await expect(offline.locator('html')).not.toHaveAttribute('data-realtime', 'connected')
  await send(offline, '站长：已通知客户')
  await expect(offline.locator('.message-list')).toContainText('站长：已通知客户')
  await expect(expert.locator('.message-list')).toContainText('站长：已通知客户')
  await expect(expert.locator('.message-list .message')).toHaveCount(4)
})
