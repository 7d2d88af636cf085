import { test as base } from '@playwright/test'

/**
 * Playwright's `test`, plus: the browser contexts a test opens itself (`browser.newContext()`, as
 * the two-person tests do) are closed when it ends. Left open, their pages keep running (fake
 * cameras, calls, sockets) through every later test and slow the whole suite on two cores.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      await use()
      await Promise.all(browser.contexts().map((context) => context.close().catch(() => undefined)))
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'
export type { Browser, Page } from '@playwright/test'
