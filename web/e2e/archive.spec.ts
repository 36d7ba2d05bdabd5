import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 年轻干部库 and 成长档案 against the demo city: the unit administrator filters the pool by front-line experience (each
// row shown has it, and the count matches the API), keeps a watch list, compares two cadres side by side, opens
// a watched cadre's growth archive, and prints it to a PDF that Chromium lays out on A4 pages. Each run adds one watch list.

interface PoolPage {
  items: { id: number; name: string; experience: string[] }[]
  total: number
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

test.describe('年轻干部库与成长档案', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the pool filters by evaluation and experience, keeps a watch list, compares two cadres and prints an archive', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'unitadmin')
    await page.goto('/record/pool')
    await expect(page.getByTestId('pool-table')).toBeVisible()
    await expect(page.locator('[data-testid="pool-table"] .el-table__row').first()).toBeVisible()

    // 优秀 in a published annual assessment (the demo's last year): as many as the server counts, each with the grade.
    const excellent = await json<PoolPage>(page, '/api/v1/record/pool?evaluation=excellent&page_size=100')
    expect(excellent.total, 'the demo publishes one 优秀').toBeGreaterThan(0)
    await page.getByTestId('pool-eval-excellent').click()
    const graded = page.waitForResponse((r) => r.url().includes('/api/v1/record/pool') && r.url().includes('evaluation=excellent'))
    await page.getByTestId('pool-submit').click()
    await graded
    await expect(page.getByText(`共 ${excellent.total} 人`)).toBeVisible()
    const graderows = page.locator('[data-testid="pool-table"] .el-table__body .el-table__row')
    await expect(graderows).toHaveCount(Math.min(excellent.total, 20))
    for (const text of await graderows.allInnerTexts()) expect(text).toContain('年度优秀')
    await page.getByTestId('pool-eval-excellent').click()

    // Front-line experience: every row shown has it, and as many as the server counts.
    const expected = await json<PoolPage>(page, '/api/v1/record/pool?experience=frontline&page_size=100')
    await page.getByTestId('pool-exp-frontline').click()
    const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/record/pool') && r.url().includes('experience=frontline'))
    await page.getByTestId('pool-submit').click()
    await loaded
    await expect(page.getByText(`共 ${expected.total} 人`)).toBeVisible()
    const rows = page.locator('[data-testid="pool-table"] .el-table__body .el-table__row')
    await expect(rows).toHaveCount(Math.min(expected.total, 20))
    for (const text of await rows.allInnerTexts()) expect(text).toContain('一线经历')
    await screenshot(page, 'console-record-pool')

    // A watch list of my own, with one cadre on it.
    const listName = `重点培养 ${Date.now() % 100000}`
    await page.getByTestId('pool-new-list').click()
    await page.locator('.el-message-box input').fill(listName)
    await page.locator('.el-message-box .el-button--primary').click()
    await expect(page.getByTestId(`pool-list-${listName}`)).toBeVisible()
    const first = expected.items[0]!
    await page.getByTestId(`pool-watch-${first.id}`).click()
    await page.getByTestId(`pool-watch-${first.id}-${listName}`).click()
    await expect(page.getByTestId(`pool-list-${listName}`)).toContainText('（1）')
    await page.getByTestId(`pool-list-${listName}`).click()
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(first.name)

    // Two cadres side by side.
    await page.getByTestId(`pool-list-${listName}`).locator('xpath=..').getByText('全部人员').click()
    await expect(rows.first()).toBeVisible()
    await rows.nth(0).locator('.el-checkbox').click()
    await rows.nth(1).locator('.el-checkbox').click()
    await expect(page.getByTestId('pool-compare')).toBeEnabled()
    await page.getByTestId('pool-compare').click()
    await expect(page.getByTestId('compare-table')).toBeVisible()
    await expect(page.locator('[data-testid="compare-table"] thead th')).toHaveCount(3)
    await expect(page.getByTestId('compare-row-frontline')).toBeVisible()
    await screenshot(page, 'console-record-compare')

    // The watched cadre's growth archive, printed.
    const id = first.id
    await page.goto(`/record/archive/${id}`)
    await expect(page.getByTestId('archive-title')).toHaveText('干部成长档案')
    await expect(page.getByTestId('archive-profile')).toBeVisible()
    const archive = await json<{ items: unknown[]; person: { name: string } }>(page, `/api/v1/record/people/${id}/archive`)
    await expect(page.getByTestId('archive-doc')).toContainText(`${archive.person.name} 成长档案`)
    await screenshot(page, 'console-record-archive')
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('archive-print')).toBeHidden()
    await expect(page.locator('.console__aside')).toBeHidden()
    await screenshot(page, 'console-record-archive-print')
    const pdf = await page.pdf({ format: 'A4', printBackground: false })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages).toBeGreaterThanOrEqual(1)
    await test.info().attach('archive.pdf', { body: pdf, contentType: 'application/pdf' })
  })
})
