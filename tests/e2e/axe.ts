import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from './fixtures'

/** axe-core on the page as it is now: no serious or critical violation (each listed with its nodes when it fails). */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(blocking, `${page.url()}`).toEqual([])
}
