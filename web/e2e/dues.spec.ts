import ExcelJS from 'exceljs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 党费 and 组织关系转接 against the demo city. The branch secretary declares a member's income in the console (a
// wrong amount is refused under the field), the monthly dues follow the brackets, a payment dated more than a year
// before the month is refused by the server under the months, the right one is recorded and the month shows as paid; a second member is recorded with the batch; the member
// (cadre01, in the secretary's branch) sees the paid month on the phone's 我的党费. The organisation department's
// administrator then moves a member of the branch to the other branch of the unit: a transfer to the same branch is
// refused, the right one is issued and confirmed, and the member is listed under the new branch; an out-of-city
// transfer is cancelled with a reason. A member of the branch is marked floating (流动党员), shows on the timeline, and is
// marked returned. A bank statement is imported: its good row recorded, the others listed with their reasons.

interface DuesBase {
  year: number
  amount_cents: number
}
interface DuesMember {
  person_id: number
  name: string
  branch_name: string | null
  base: DuesBase | null
  first_month: string | null
  paid_this_year: string[]
}
interface OrgNode {
  id: number
  parent_id: number | null
  node_type: string
  name: string
  path: string
}

const JSON_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * The first month of this year a payment can still cover that the member has not paid: the current month on a fresh
 * demo database, a later one when the test runs again on the same data.
 */
function openMonth(member: DuesMember, current: string): string {
  for (let m = current; m.slice(0, 4) === current.slice(0, 4); m = addMonths(m, 1)) if (!member.paid_this_year.includes(m)) return m
  for (let m = addMonths(current, -1); m >= addMonths(current, -6) && m.slice(0, 4) === current.slice(0, 4); m = addMonths(m, -1))
    if (!member.paid_this_year.includes(m)) return m
  throw new Error(`${member.name} has paid every month a payment can cover`)
}

async function setDate(page: Page, id: string, value: string): Promise<void> {
  const box = textBox(page, id)
  await box.fill(value)
  await box.press('Enter')
  await expect(box).toHaveValue(value)
}

/** Picks a month of the dues page (the month picker takes typed text). */
async function chooseMonth(page: Page, month: string): Promise<void> {
  const box = textBox(page, 'dues-month')
  await box.fill(month)
  await box.press('Enter')
  await expect(box).toHaveValue(month)
}

/** Picks a branch in the transfer dialog's city-wide directory: searched by its unit's name, chosen by id. */
async function chooseBranch(page: Page, unitName: string, id: number): Promise<void> {
  await page.locator('.el-select[data-testid="transfer-branch-search"]').click()
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/party/branches') && r.url().includes('q='))
  await textBox(page, 'transfer-branch-search').fill(unitName)
  await searched
  await page.getByTestId(`transfer-branch-option-${id}`).click()
}

/** Picks a node of an org tree select by its id (names like 第一党支部 repeat across units). */
async function chooseNode(page: Page, testid: string, id: number): Promise<void> {
  // ElTreeSelect hands the test id to its select and to the tree in its popup.
  await page.locator(`.el-select[data-testid="${testid}"]`).click()
  await page.locator(`.el-tree[data-testid="${testid}"] .el-tree-node[data-key="${id}"] > .el-tree-node__content`).click()
}

/** An account's person and roles, read in a context of its own. */
async function accountOf(browser: Browser, baseURL: string | undefined, username: string) {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await signIn(page, username)
  const me = await json<{ person_id: number; roles: { code: string; org_node_id: number }[] }>(page, '/api/v1/auth/me')
  await context.close()
  return me
}

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return context.newPage()
}

test.describe('党费与组织关系转接', () => {
  test.describe.configure({ timeout: 180_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the secretary declares an income and records payments; the member sees the month paid on the phone', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'secretary')

    // cadre01's person is a member of the secretary's branch; another member of the branch for the batch.
    const personId = (await accountOf(browser, baseURL, 'cadre01')).person_id
    const list = await json<{ items: DuesMember[]; month: string }>(page, '/api/v1/party/dues?page_size=200')
    const current = list.month
    const member = list.items.find((m) => m.person_id === personId)
    expect(member, 'cadre01 is a member in the secretary’s branch').toBeTruthy()
    const month = openMonth(member!, current)
    const other = list.items.find((m) => m.person_id !== personId && !m.paid_this_year.includes(month))
    expect(other, 'another member of the branch who has not paid the month').toBeTruthy()

    await page.goto('/party/dues')
    await expect(page.getByTestId(`dues-row-${personId}`)).toBeVisible()
    if (month !== current) await chooseMonth(page, month)
    await expect(page.getByTestId(`dues-state-${personId}`)).not.toHaveText('已缴')

    // --- 核定基数: not an amount, then more than the server takes, then 8,000 yuan (1.5 % → 120.00 a month)
    await page.getByTestId(`dues-set-base-${personId}`).click()
    const income = textBox(page, 'dues-base-income')
    const incomeError = page.getByTestId('dues-base-income-item').locator('.el-form-item__error')
    await income.fill('八千')
    await page.getByTestId('dues-base-submit').click()
    await expect(incomeError).toContainText('请输入税后月收入')
    await income.fill('2000000')
    await page.getByTestId('dues-base-submit').click()
    await expect(incomeError).toHaveText('税后月收入不能超过 1,000,000.00 元')
    await screenshot(page, 'console-dues-base-refused')
    await income.fill('8000')
    // The demo may have declared the member retired: this declaration is of a salary.
    await page.getByTestId('dues-base-category').click()
    await page.getByRole('option', { name: '在职', exact: true }).click()
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/party/dues/bases/${personId}`))
    await page.getByTestId('dues-base-submit').click()
    expect((await saved).status()).toBe(200)
    await expect(page.getByTestId('dues-base-dialog')).toBeHidden()
    await expect(page.getByTestId(`dues-amount-${personId}`)).toHaveText('¥120.00')
    await expect(page.getByTestId(`dues-base-${personId}`)).toContainText('¥8,000.00')
    await expect(page.getByTestId(`dues-state-${personId}`)).toHaveText(month > current ? '未到期' : '未缴')

    // --- 登记缴费 for the month
    await page.getByTestId(`dues-pay-${personId}`).click()
    await expect(page.getByTestId('dues-pay-dialog')).toBeVisible()
    await expect(page.getByTestId(`dues-pay-month-${month}`)).toHaveClass(/is-checked/)
    await expect(page.getByTestId('dues-pay-total')).toHaveText('合计 1 个月，120.00 元')
    // A wrong date: more than a year before the month is not a payment in advance the server takes.
    const today = await textBox(page, 'dues-pay-date').inputValue()
    await setDate(page, 'dues-pay-date', `${addMonths(month, -14)}-15`)
    const early = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/dues/payments') && r.request().method() === 'POST')
    await page.getByTestId('dues-pay-submit').click()
    expect((await early).status()).toBe(400)
    await expect(page.getByTestId('dues-pay-months-item').locator('.el-form-item__error')).toContainText('预交党费最多一年')
    await screenshot(page, 'console-dues-payment-refused')
    await setDate(page, 'dues-pay-date', today)
    const paid = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/dues/payments') && r.request().method() === 'POST')
    await page.getByTestId('dues-pay-submit').click()
    expect((await paid).status()).toBe(201)
    await expect(page.getByTestId(`dues-state-${personId}`)).toHaveText('已缴')
    await expect(page.getByTestId('dues-total-paid')).not.toHaveText('¥0.00')

    // --- 批量登记 for another member (their base declared first, through the API, at 4,500 yuan: 1 % → 45.00)
    const base = await page.request.put(`/api/v1/party/dues/bases/${other!.person_id}`, {
      headers: JSON_HEADERS,
      data: { year: Number(month.slice(0, 4)), category: 'employed', income_cents: 450000 },
    })
    expect(base.status(), await base.text()).toBe(200)
    await page.getByRole('button', { name: '刷新' }).click()
    await expect(page.getByTestId(`dues-amount-${other!.person_id}`)).toHaveText('¥45.00')
    await page.getByTestId(`dues-row-${other!.person_id}`).locator('xpath=ancestor::tr').locator('.el-checkbox').click()
    await page.getByTestId('dues-batch').click()
    await expect(page.getByTestId('dues-batch-people')).toContainText(other!.name)
    await expect(page.getByTestId('dues-batch-total')).toHaveText('合计 45.00 元')
    const batch = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/dues/payments/batch'))
    await page.getByTestId('dues-batch-submit').click()
    const result = (await (await batch).json()) as { recorded: number; failed: unknown[] }
    expect(result).toEqual({ recorded: 1, failed: [] })
    await expect(page.getByTestId(`dues-state-${other!.person_id}`)).toHaveText('已缴')
    await screenshot(page, 'console-dues')

    // --- the member's phone: 我的 → 我的党费
    const mine = await phone(browser, baseURL)
    await signIn(mine, 'cadre01')
    await mine.goto('/m/me')
    await mine.getByTestId('me-dues').click()
    await expect(mine).toHaveURL(/\/m\/party\/dues$/)
    await expect(mine.getByTestId('my-dues-amount')).toHaveText('120.00')
    await expect(mine.getByTestId(`my-dues-month-${month}`)).toHaveAttribute('data-state', 'paid')
    await expect(mine.getByTestId(`my-dues-payment-${month}`)).toContainText('¥120.00')
    await screenshot(mine, 'mobile-dues')
    await mine.context().close()
  })

  test('a transfer issued and confirmed moves the member to the new branch; one is cancelled with a reason', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')

    // The secretary's branch and the unit's other branch.
    const baseURL = testInfo.project.use.baseURL
    const secretary = await accountOf(browser, baseURL, 'secretary')
    const fromBranch = secretary.roles.find((r) => r.code === 'branch_secretary')!.org_node_id
    const cadre = await accountOf(browser, baseURL, 'cadre01')
    const nodes = (await json<{ items: OrgNode[] }>(page, '/api/v1/org/nodes')).items
    const from = nodes.find((n) => n.id === fromBranch)!
    const unitPath = from.path.split('/').slice(0, -2).join('/') + '/'
    const to = nodes.find((n) => n.node_type === 'branch' && n.id !== fromBranch && n.path.startsWith(unitPath))
    expect(to, 'another branch in the secretary’s unit').toBeTruthy()
    const pending = (await json<{ items: { person_id: number }[] }>(page, '/api/v1/party/transfers?status=pending')).items.map((x) => x.person_id)
    const people = (await json<{ items: { id: number; name: string }[] }>(page, `/api/v1/people?party_status=full&page_size=200&unit_id=${fromBranch}`)).items
    // Neither the secretary nor cadre01 (whose dues the other test follows).
    const movers = people.filter((p) => p.id !== secretary.person_id && p.id !== cadre.person_id && !pending.includes(p.id))
    expect(movers.length, 'two full members of the branch without a transfer waiting').toBeGreaterThanOrEqual(2)
    const [leaver, mover] = movers.slice(-2)

    await page.goto('/party/transfers')
    await expect(page.getByTestId('transfers-table')).toBeVisible()

    // --- to the branch the member is already in: refused under the branch
    await page.getByTestId('transfers-create').click()
    await textBox(page, 'transfer-person').fill(mover.name)
    await page.getByTestId(`transfer-person-option-${mover.id}`).click()
    await expect(page.getByTestId('transfer-person-where')).toContainText(from.name)
    const unitName = nodes.find((n) => unitPath.endsWith(`/${n.id}/`))!.name
    await chooseBranch(page, unitName, fromBranch)
    let issued = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/transfers') && r.request().method() === 'POST')
    await page.getByTestId('transfer-submit').click()
    expect((await issued).status()).toBe(400)
    await expect(page.getByTestId('transfer-dialog').locator('.el-form-item__error')).toContainText('接收支部与现所在支部相同')
    await screenshot(page, 'console-transfer-refused')

    // --- to the unit's other branch
    await chooseBranch(page, unitName, to!.id)
    await expect(page.getByTestId('transfer-branch-place')).toContainText(unitName)
    await expect(page.getByTestId('transfer-branch-place')).toContainText(to!.name)
    issued = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/transfers') && r.request().method() === 'POST')
    await page.getByTestId('transfer-submit').click()
    const created = await issued
    expect(created.status()).toBe(201)
    const transferId = ((await created.json()) as { id: number }).id
    await expect(page.getByTestId(`transfer-status-${transferId}`)).toHaveText('待接收')

    // --- confirmed by the receiving side (the administrator's scope holds it): the member moves
    await page.getByTestId(`transfer-confirm-${transferId}`).click()
    await expect(page.getByTestId('transfer-decision-intro')).toContainText(mover.name)
    await expect(page.getByTestId('transfer-decision-intro')).toContainText(to!.name)
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/party/transfers/${transferId}/confirm`))
    await page.getByTestId('transfer-decision-submit').click()
    expect((await confirmed).status()).toBe(200)
    await page.getByTestId('transfers-status-confirmed').click()
    await expect(page.getByTestId(`transfer-status-${transferId}`)).toHaveText('已接收')
    await expect(page.getByTestId(`transfer-to-${transferId}`)).toContainText(to!.name)
    await screenshot(page, 'console-transfers')

    // The dues list of the new branch has the member, that of the old one no longer.
    await page.goto('/party/dues')
    await expect(page.getByTestId('dues-table')).toBeVisible()
    await chooseNode(page, 'dues-node', to!.id)
    await expect(page.getByTestId(`dues-row-${mover.id}`)).toBeVisible()
    await expect(page.getByTestId(`dues-row-${mover.id}`).locator('xpath=ancestor::tr')).toContainText(to!.name)
    await chooseNode(page, 'dues-node', fromBranch)
    await expect(page.getByTestId(`dues-row-${leaver.id}`)).toBeVisible()
    await expect(page.getByTestId(`dues-row-${mover.id}`)).toHaveCount(0)

    // --- out of the city, then withdrawn: a reason is required, and the member stays
    await page.goto('/party/transfers')
    await page.getByTestId('transfers-create').click()
    await page.getByTestId('transfer-kind-out_of_city').click()
    await textBox(page, 'transfer-person').fill(leaver.name)
    await page.getByTestId(`transfer-person-option-${leaver.id}`).click()
    await textBox(page, 'transfer-outside-org').fill('杭州市西湖区某街道党工委')
    await page.getByTestId('transfer-submit').click()
    await expect(page.getByTestId('transfer-dialog').locator('.el-form-item__error')).toContainText('请填写介绍信编号')
    await textBox(page, 'transfer-letter-no').fill(`浙组转〔${Date.now() % 100000}〕号`)
    issued = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/transfers') && r.request().method() === 'POST')
    await page.getByTestId('transfer-submit').click()
    const out = await issued
    expect(out.status()).toBe(201)
    const outId = ((await out.json()) as { id: number }).id
    await page.getByTestId(`transfer-cancel-${outId}`).click()
    await page.getByTestId('transfer-decision-submit').click()
    await expect(page.getByTestId('transfer-decision').locator('.el-form-item__error')).toContainText('请填写撤销原因')
    await page.locator('textarea[data-testid="transfer-reason"], [data-testid="transfer-reason"] textarea').fill('本人暂缓调动')
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/api/v1/party/transfers/${outId}/cancel`))
    await page.getByTestId('transfer-decision-submit').click()
    expect((await cancelled).status()).toBe(200)
    await expect(page.getByTestId(`transfer-${outId}`)).toHaveCount(0) // the pending list no longer has it
    await page.getByTestId('transfers-status-cancelled').click()
    await expect(page.getByTestId(`transfer-status-${outId}`)).toHaveText('已撤销')
  })

  test('a bank statement is imported: matched rows recorded, the others listed with their reason', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'secretary')
    const baseURL = testInfo.project.use.baseURL
    const cadre = await accountOf(browser, baseURL, 'cadre01')
    const list = await json<{ items: DuesMember[]; month: string }>(page, '/api/v1/party/dues?page_size=200')
    const current = list.month
    // A member of the branch other than cadre01 (whose month the first test pays) with a month a payment can still
    // cover, their amount declared from January.
    const open = (m: DuesMember) => {
      try {
        return !!openMonth(m, current)
      } catch {
        return false
      }
    }
    const member = list.items.find((m) => m.person_id !== cadre.person_id && open(m))
    expect(member, 'a member of the branch with open months').toBeTruthy()
    const base = await page.request.put(`/api/v1/party/dues/bases/${member!.person_id}`, {
      headers: JSON_HEADERS,
      data: { year: Number(current.slice(0, 4)), category: 'employed', income_cents: 450000, from_month: `${current.slice(0, 4)}-01` },
    })
    expect(base.status(), await base.text()).toBe(200)
    const month = openMonth(member!, current)
    const branch = list.items.find((m) => m.person_id === member!.person_id)!.branch_name ?? ''

    // The bank's export: its own lines above the titles, then a good row, an unknown payer and the same month again.
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('交易明细')
    sheet.addRow(['某银行 单位账户交易明细'])
    sheet.addRow(['账号：3300 0000 0001'])
    sheet.addRow(['交易日期', '户名', '党支部', '所属月份', '交易金额', '摘要'])
    const today = new Date()
    sheet.addRow([new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())), member!.name, branch, month, 45, '代扣党费'])
    sheet.addRow([new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())), '查无此人', '', month, 45, ''])
    sheet.addRow([new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())), member!.name, branch, month, 45, '重复'])
    const file = testInfo.outputPath('statement.xlsx')
    await book.xlsx.writeFile(file)

    await page.goto('/party/dues')
    await page.getByTestId('dues-import').click()
    await expect(page.getByTestId('dues-import-dialog')).toBeVisible()
    const matched = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/dues/payments/match'))
    await page.getByTestId('dues-import-file').setInputFiles(file)
    expect((await matched).status()).toBe(200)
    await expect(page.getByTestId('dues-import-summary')).toContainText('第 3 行为表头，共 3 行：可登记 1 行')
    await expect(page.getByTestId('dues-import-check-4')).toHaveText('一致')
    await expect(page.getByTestId('dues-import-check-5')).toHaveText('有问题')
    await expect(page.getByTestId('dues-import-table')).toContainText('未找到该党员')
    await expect(page.getByTestId('dues-import-table')).toContainText(`${month} 已在第 4 行缴纳`)
    await screenshot(page, 'console-dues-import-preview')
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/dues/payments/batch'))
    await page.getByTestId('dues-import-commit').click()
    expect(await (await recorded).json()).toEqual({ recorded: 1, failed: [] })
    await expect(page.getByTestId('dues-import-result')).toContainText('已登记 1 行，未登记 2 行')
    // The rows not recorded stay listed, each with its outcome.
    await expect(page.getByTestId('dues-import-outcome-5')).toHaveText('未登记')
    await expect(page.getByTestId('dues-import-outcome-6')).toHaveText('未登记')
    await page.getByTestId('dues-import-only-left').click()
    await expect(page.getByTestId('dues-import-outcome-4')).toHaveText('已登记')
    await screenshot(page, 'console-dues-import-result')
    const after = await json<{ items: DuesMember[] }>(page, '/api/v1/party/dues?page_size=200')
    expect(after.items.find((m) => m.person_id === member!.person_id)!.paid_this_year).toContain(month)
  })

  test('a member is marked floating, shows on the timeline, is refused a second mark and is marked returned', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'secretary')
    const baseURL = testInfo.project.use.baseURL
    const secretary = await accountOf(browser, baseURL, 'secretary')
    const cadre = await accountOf(browser, baseURL, 'cadre01')
    const branch = secretary.roles.find((r) => r.code === 'branch_secretary')!.org_node_id
    const away = (await json<{ items: { person_id: number }[] }>(page, '/api/v1/party/floating?status=active&page_size=200')).items.map((f) => f.person_id)
    const people = (await json<{ items: { id: number; name: string }[] }>(page, `/api/v1/people?party_status=full&page_size=200&unit_id=${branch}`)).items
    // The first full member of the branch not away already (the transfer test takes the last ones).
    const member = people.find((p) => p.id !== secretary.person_id && p.id !== cadre.person_id && !away.includes(p.id))
    expect(member, 'a full member of the branch not away').toBeTruthy()

    await page.goto('/party/floating')
    await expect(page.getByTestId('floating-table')).toBeVisible()
    await page.getByTestId('floating-create').click()
    await page.getByTestId('floating-submit').click()
    await expect(page.getByTestId('floating-dialog').locator('.el-form-item__error').first()).toHaveText('请选择党员')
    await textBox(page, 'floating-person').fill(member!.name)
    await page.getByTestId(`floating-person-option-${member!.id}`).click()
    await textBox(page, 'floating-destination').fill('广东省深圳市南山区')
    await page.getByTestId('floating-reason').getByText('学习培训').click()
    await textBox(page, 'floating-certificate').fill('LD-2026-018')
    const marked = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/floating') && r.request().method() === 'POST')
    await page.getByTestId('floating-submit').click()
    const created = await marked
    expect(created.status()).toBe(201)
    const id = ((await created.json()) as { id: number }).id
    await expect(page.getByTestId(`floating-state-${id}`)).toHaveText('流动中')
    await expect(page.getByTestId(`floating-${id}`).locator('xpath=ancestor::tr')).toContainText('广东省深圳市南山区')
    await screenshot(page, 'console-floating')

    // A second mark of the same member is refused under the member.
    await page.getByTestId('floating-create').click()
    await textBox(page, 'floating-person').fill(member!.name)
    await page.getByTestId(`floating-person-option-${member!.id}`).click()
    await textBox(page, 'floating-destination').fill('上海市浦东新区')
    await page.getByTestId('floating-submit').click()
    await expect(page.getByTestId('floating-dialog').locator('.el-form-item__error')).toContainText('已登记为流动党员')
    await page.getByTestId('floating-dialog').getByRole('button', { name: '取消' }).click()

    // The member's timeline has the period.
    await page.goto(`/party/people/${member!.id}/timeline`)
    await expect(page.getByTestId('party-timeline')).toContainText('外出流动至广东省深圳市南山区')

    // Back: marked returned, listed under 已返回.
    await page.goto('/party/floating')
    await page.getByTestId(`floating-return-${id}`).click()
    await expect(page.getByTestId('floating-return-dialog')).toContainText(member!.name)
    const back = page.waitForResponse((r) => r.url().endsWith(`/api/v1/party/floating/${id}/return`))
    await page.getByTestId('floating-return-submit').click()
    expect((await back).status()).toBe(200)
    await page.getByTestId('floating-status-returned').click()
    await expect(page.getByTestId(`floating-state-${id}`)).toHaveText('已返回')
  })

  test('a cadre without party.read has no dues pages in the console', async ({ page }) => {
    await signIn(page, 'cadre01')
    await page.goto('/')
    await expect(page.getByTestId('menu-partyDues')).toHaveCount(0)
    await page.goto('/party/transfers')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
