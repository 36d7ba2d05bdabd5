import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn } from './support'

// 数据看板 against the demo city: the organisation department opens the city's dashboard, drills down to a district
// or system, to a unit, to a branch and to a person; on the way each figure checked is compared with a count made
// directly in the server's SQLite file (XINHUO_E2E_DB, read with the sqlite3 command). The big screen is opened once.

const DB = process.env.XINHUO_E2E_DB ?? ''

/** A number counted in the server's database. */
function count(sql: string): number {
  const out = execFileSync('sqlite3', ['-readonly', DB, sql], { encoding: 'utf8' }).trim()
  return Number(out)
}
const esc = (s: string) => s.replace(/'/g, "''")
const pathOf = (id: number) => execFileSync('sqlite3', ['-readonly', DB, `SELECT path FROM org_node WHERE id = ${id}`], { encoding: 'utf8' }).trim()
// Active people below a node (their branch, or unit when they have none, lies in the subtree).
const peopleBelow = (id: number) =>
  count(`SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id
         WHERE p.status = 'active' AND COALESCE(b.path, u.path) LIKE '${esc(pathOf(id))}%'`)
const membersBelow = (id: number, month: string) =>
  [
    count(`SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id
           WHERE p.status = 'active' AND p.party_status IN ('full', 'probationary') AND COALESCE(b.path, u.path) LIKE '${esc(pathOf(id))}%'`),
    count(`SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id
           JOIN dues_payment d ON d.person_id = p.id AND d.month = '${month}'
           WHERE p.status = 'active' AND p.party_status IN ('full', 'probationary') AND COALESCE(b.path, u.path) LIKE '${esc(pathOf(id))}%'`),
  ] as const
const rate = (part: number, whole: number) => (whole ? `${Math.round((1000 * part) / whole) / 10}%` : '—')

async function kpi(page: Page, name: string) {
  return (await page.locator(`[data-kpi="${name}"] .kpi__value`).innerText()).trim()
}

/** The drill-down row of a node: its people cell. */
const childPeople = (page: Page, id: number) =>
  page.locator('[data-testid="children"] tr', { has: page.locator(`a.drill[data-node="${id}"]`) }).locator('[data-col="people"]')

test.describe('数据看板', () => {
  test.describe.configure({ timeout: 240_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
    test.skip(!DB, 'XINHUO_E2E_DB names the server\'s SQLite file, for the counts made directly in SQL')
  })

  test('city → district → unit → branch → person, each figure equal to a count in SQL', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 })
    await signIn(page, 'admin')
    // The unit with the most people that has branches, and the way to it from the city.
    const unit = count(`SELECT u.id FROM org_node u JOIN person p ON p.unit_id = u.id AND p.status = 'active'
                        WHERE u.node_type = 'unit' AND EXISTS (SELECT 1 FROM org_node c WHERE c.parent_id = u.id AND c.node_type = 'branch')
                        GROUP BY u.id ORDER BY COUNT(*) DESC, u.id LIMIT 1`)
    const way = pathOf(unit).split('/').filter(Boolean).map(Number)  // city, …, unit

    await page.goto('/analytics')
    await expect(page.getByTestId('current-node')).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('[data-chart="people"] canvas').first()).toBeVisible({ timeout: 60_000 })
    expect(await kpi(page, 'people')).toBe(String(count("SELECT COUNT(*) FROM person WHERE status = 'active'")))
    await screenshot(page, 'analytics-city')
    // This year's micro-projects (done / published), fault-tolerance cases and annual grades, counted in SQL. The
    // dashboard's default period is the year to date; the dates are Beijing dates.
    const period = (await page.locator('.analytics__asof').innerText()).match(/\d{4}-\d{2}-\d{2}/)![0]
    const year = period.slice(0, 4)
    const inYear = (col: string) => `SUBSTR(${col}, 1, 10) BETWEEN '${year}-01-01' AND '${period}'`
    const published = count(`SELECT COUNT(*) FROM mass_project WHERE ${inYear('created_at')}`)
    const done = count(`SELECT COUNT(*) FROM mass_project WHERE ${inYear('created_at')} AND status IN ('done', 'rated', 'closed')`)
    expect(published, 'the demo publishes micro-projects').toBeGreaterThan(0)
    expect(await kpi(page, 'projects')).toBe(`${done}/${published}`)
    const cases = count(`SELECT COUNT(*) FROM tolerance_case WHERE ${inYear('submitted_at')}`)
    expect((await kpi(page, 'cases')).replace(/（\d+）$/, '')).toBe(String(cases))
    const graded = count(`SELECT COUNT(*) FROM evaluation_outcome WHERE kind = 'annual' AND grade IS NOT NULL AND published_on BETWEEN '${year}-01-01' AND '${period}'`)
    const excellent = count(`SELECT COUNT(*) FROM evaluation_outcome WHERE kind = 'annual' AND grade = 'excellent' AND published_on BETWEEN '${year}-01-01' AND '${period}'`)
    expect(await kpi(page, 'excellent')).toBe(rate(excellent, graded))

    // Down the tree: each level's row shows its people, then the level's own figures after the click.
    for (const id of way.slice(1)) {
      await expect(childPeople(page, id)).toHaveText(String(peopleBelow(id)))
      await page.locator(`a.drill[data-node="${id}"]`).click()
      await expect(page.getByTestId('current-node'), 'the dashboard of the node clicked').toHaveText(execFileSync('sqlite3', ['-readonly', DB, `SELECT name FROM org_node WHERE id = ${id}`], { encoding: 'utf8' }).trim(), { timeout: 60_000 })
      expect(await kpi(page, 'people')).toBe(String(peopleBelow(id)))
    }
    // At the unit: the dues payment rate of the month shown.
    const month = (await page.locator('[data-kpi="dues"] .kpi__label').innerText()).match(/\d{4}-\d{2}/)?.[0] ?? ''
    const [members, paid] = membersBelow(unit, month)
    expect(await kpi(page, 'dues')).toBe(rate(paid, members))

    // A branch of the unit: no organisations below, so its people are listed; each links to the person's record.
    const branch = count(`SELECT id FROM org_node WHERE parent_id = ${unit} AND node_type = 'branch' AND status = 'active' ORDER BY sort_order, id LIMIT 1`)
    await page.locator(`a.drill[data-node="${branch}"]`).click()
    const people = page.getByTestId('people')
    await expect(people).toBeVisible({ timeout: 60_000 })
    await expect(people.locator('h3')).toContainText(`（${peopleBelow(branch)}）`, { timeout: 60_000 })
    expect(await kpi(page, 'people')).toBe(String(peopleBelow(branch)))
    const first = people.locator('a.person').first()
    const personId = Number(await first.getAttribute('data-person'))
    const name = execFileSync('sqlite3', ['-readonly', DB, `SELECT name FROM person WHERE id = ${personId}`], { encoding: 'utf8' }).trim()
    await expect(first).toHaveText(name)
    await first.click()
    await expect(page).toHaveURL(new RegExp(`/record/person\\?person=${personId}`))
    await expect(page.getByTestId('record-person-summary')).toBeVisible({ timeout: 60_000 })  // the person's record page, opened on them
  })

  test('the big screen shows the city in the dark theme', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await signIn(page, 'admin')
    await page.goto('/analytics/screen')
    await expect(page.getByTestId('bigscreen')).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('[data-chart="people"] canvas').first()).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('.screen [data-kpi="people"] b')).toHaveText(String(count("SELECT COUNT(*) FROM person WHERE status = 'active'")))
    await page.waitForTimeout(800)  // the charts' entry animation
    await screenshot(page, 'analytics-bigscreen')
  })
})
