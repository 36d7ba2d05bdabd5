import type { Page } from '@playwright/test'

export interface SystemInfo {
  name: string
  version: string
  database: 'sqlite' | 'postgresql'
  schema_version: number
  demo: boolean
  time: string
}

/** Screenshots for people to look at; test-results/ is not committed. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
}
