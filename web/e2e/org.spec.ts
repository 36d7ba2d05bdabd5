import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 组织与人员 against the demo city: the tree, the roster's total, the scope of a unit administrator, editing a person.

interface OrgNode {
  id: number
  parent_id: number | null
  node_type: string
  name: string
  status: string
}
interface PersonPage {
  items: { id: number; name: string; position: string | null }[]
  total: number
}

const EDUCATION = '市教育局'
const JSON_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' }

async function nodesOf(request: APIRequestContext): Promise<OrgNode[]> {
  const res = await request.get('/api/v1/org/nodes')
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { items: OrgNode[] }).items
}

/** A request context signed in as another account, apart from the browser's session. */
async function apiAs(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string | undefined, username: string) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: JSON_HEADERS })
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } })
  expect(res.ok()).toBe(true)
  return ctx
}

/** Finds a node with the tree's search and picks it. */
async function pickInTree(page: Page, node: OrgNode): Promise<void> {
  await textBox(page, 'org-tree-search').fill(node.name)
  await page.getByTestId(`org-node-${node.id}`).click()
}

test.describe('组织与人员', () => {
  // The whole demo city's tree and roster on one page: more to draw than the other pages.
  test.describe.configure({ timeout: 60_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('admin picks 市教育局 in the tree and the roster total is the server count for it', async ({ page }) => {
    await signIn(page, 'admin')
    const unit = (await nodesOf(page.request)).find((n) => n.name === EDUCATION)
    expect(unit, `${EDUCATION} in the demo city`).toBeTruthy()
    const expected = (await (await page.request.get(`/api/v1/people?unit_id=${unit!.id}&page_size=1`)).json()) as PersonPage

    await page.goto('/')
    await page.getByTestId('menu-org').click()
    await expect(page).toHaveURL(/\/org$/)
    await expect(page.getByTestId('org-tree')).toContainText('江滨市')
    await pickInTree(page, unit!)
    await expect(page.getByTestId('roster-scope')).toContainText(EDUCATION)
    await expect(page.getByTestId('roster-total')).toHaveAttribute('data-total', String(expected.total))
    await expect(page.getByTestId('roster-total')).toHaveText(`共 ${expected.total} 人`)
    await expect(page.getByTestId('roster-table').locator('.el-table__body-wrapper tbody tr').first()).toBeVisible()

    // Clearing the search shows the tree again with the unit still picked.
    await textBox(page, 'org-tree-search').fill('')
    await screenshot(page, 'roster')
  })

  test('the roster filters reach the server and agree with its count', async ({ page }) => {
    await signIn(page, 'admin')
    const expected = (await (await page.request.get('/api/v1/people?party_status=probationary&young_cadre=true&page_size=1')).json()) as PersonPage
    await page.goto('/org')
    await page.getByTestId('roster-party-status').click()
    await page.getByRole('option', { name: '预备党员' }).click()
    await page.getByTestId('roster-young').click()
    await page.getByRole('option', { name: '是' }).click()
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes('party_status=probationary'))
    await page.getByTestId('roster-search-submit').click()
    expect((await answer).url()).toContain('young_cadre=true')
    await expect(page.getByTestId('roster-total')).toHaveAttribute('data-total', String(expected.total))
  })

  test('unitadmin sees only 市教育局 and below', async ({ page, playwright }, testInfo) => {
    const admin = await apiAs(playwright, testInfo.project.use.baseURL, 'admin')
    const cityNodes = await nodesOf(admin)
    await admin.dispose()
    await signIn(page, 'unitadmin')
    const own = await nodesOf(page.request)
    const ownIds = new Set(own.map((n) => n.id))
    const otherUnits = cityNodes.filter((n) => n.node_type === 'unit' && !ownIds.has(n.id)).map((n) => n.name)
    expect(otherUnits.length).toBeGreaterThan(0)

    await page.goto('/org')
    const roots = page.getByTestId('org-tree').locator('.el-tree > .el-tree-node')
    await expect(roots).toHaveCount(1)
    await expect(roots.first().locator('.el-tree-node__content').first()).toContainText(EDUCATION)
    await expect(page.getByTestId('org-tree')).not.toContainText('江滨市')
    const treeText = await page.getByTestId('org-tree').innerText()
    for (const name of otherUnits) expect(treeText).not.toContain(name)
    // Nor can the search find one.
    await textBox(page, 'org-tree-search').fill(otherUnits[0])
    await expect(page.getByTestId('org-tree')).toContainText('没有匹配的组织')
    await screenshot(page, 'roster-unitadmin')
  })

  test('admin edits a person: a wrong phone shows under its field, a new position lands in 变更记录', async ({ page }) => {
    await signIn(page, 'admin')
    const unit = (await nodesOf(page.request)).find((n) => n.name === EDUCATION)!
    const first = ((await (await page.request.get(`/api/v1/people?unit_id=${unit.id}&page_size=1`)).json()) as PersonPage).items[0]
    const position = `e2e 职务 ${Date.now() % 1_000_000}`

    await page.goto('/org')
    await pickInTree(page, unit)
    await textBox(page, 'roster-name').fill(first.name)
    await page.getByTestId('roster-search-submit').click()
    await page.getByTestId(`roster-row-${first.id}`).click()
    const drawer = page.getByTestId('person-detail')
    await expect(drawer).toBeVisible()
    await expect(page.getByTestId('person-fields')).toContainText(first.name)
    await expect(page.getByTestId('person-show-full')).toBeVisible() // admin may see full numbers

    await page.getByTestId('person-edit').click()
    const phone = textBox(page, 'edit-phone')
    await phone.fill('12345')
    await page.getByTestId('edit-save').click()
    const phoneError = page.getByTestId('person-write').locator('.el-form-item.is-error .el-form-item__error')
    await expect(phoneError).toContainText('电话号码')
    await expect(page.getByTestId('person-write-error')).toBeAttached()
    await expect(phoneError).toBeInViewport() // scrolled to, not left under the sticky buttons
    await page.waitForTimeout(400) // the smooth scroll settles
    await screenshot(page, 'person-edit-error')

    await phone.fill('')
    await textBox(page, 'edit-position').fill(position)
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/people/${first.id}`) && r.request().method() === 'PATCH')
    await page.getByTestId('edit-save').click()
    const body = (await saved).request().postDataJSON() as Record<string, unknown>
    expect(body).toEqual({ position }) // only what changed
    await expect(page.getByTestId('person-position')).toHaveText(position)

    await drawer.getByRole('tab', { name: '变更记录' }).click()
    const history = page.getByTestId('person-history')
    await expect(history.locator('tbody tr').first()).toContainText('职务')
    await expect(history.locator('tbody tr').first()).toContainText(position)
    await expect(history.locator('tbody tr').first()).toContainText('admin')
    await screenshot(page, 'person-history')

    // Put the demo record back as it was.
    const restore = await page.request.patch(`/api/v1/people/${first.id}`, { headers: JSON_HEADERS, data: { position: first.position ?? '' } })
    expect(restore.ok()).toBe(true)
  })

  test('a branch secretary can read the roster but is offered no edit or tree actions', async ({ page }) => {
    await signIn(page, 'secretary')
    await page.goto('/org')
    await expect(page.getByTestId('roster-total')).toBeVisible()
    await expect(page.locator('[data-testid^="org-node-actions-"]')).toHaveCount(0)
    await expect(page.getByTestId('roster-export')).toHaveCount(0)
    await page.getByTestId('roster-table').locator('[data-testid^="roster-row-"]').first().click()
    await expect(page.getByTestId('person-fields')).toBeVisible()
    await expect(page.getByTestId('person-edit')).toHaveCount(0)
    await expect(page.getByTestId('person-show-full')).toHaveCount(0)
  })
})
