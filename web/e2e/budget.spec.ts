import { gzipSync } from 'node:zlib'
import { expect, test, type Response } from '@playwright/test'

// DESIGN §6: the phone's first load (mobile home) stays within 150 KB gzip of JS and CSS together,
// and never includes Element Plus. Measured on what the browser really downloads.
const BUDGET_BYTES = 150 * 1024

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

test('mobile home first load stays within the gzip budget', async ({ page }) => {
  const loaded: { url: string; gzip: number; elementPlus: boolean }[] = []
  const reading: Promise<void>[] = []
  page.on('response', (res) => {
    const type = res.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    reading.push(readOne(res))
  })
  async function readOne(res: Response): Promise<void> {
    const body = await res.body()
    const text = body.toString('utf8')
    // Element Plus leaves its component names (name:"ElButton") in JS and .el-* selectors in CSS.
    const elementPlus = /name:"El[A-Z]/.test(text) || /\.el-[a-z-]+[\s{,:.]/.test(text)
    // zlib's default level, as `vite build` uses for the sizes it prints.
    loaded.push({ url: new URL(res.url()).pathname, gzip: gzipSync(body).length, elementPlus })
  }
  await page.goto('/m/')
  await expect(page.getByTestId('tabbar')).toBeVisible()
  await expect(page.getByTestId('server-status')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await Promise.all(reading)

  const total = loaded.reduce((sum, r) => sum + r.gzip, 0)
  console.log(`mobile first load: ${loaded.length} JS/CSS files, ${(total / 1024).toFixed(1)} KB gzip`)
  for (const r of loaded.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${(r.gzip / 1024).toFixed(1).padStart(6)} KB  ${r.url}`)

  expect(loaded.filter((r) => r.elementPlus).map((r) => r.url)).toEqual([])
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
})
