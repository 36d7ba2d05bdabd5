import { expect, test, type Browser, type Page } from '@playwright/test'
import { DEMO_PASSWORD, NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 党员发展 against the demo city: the branch secretary opens a development file for a person of the masses in the
// branch and records the steps up to 确定发展对象 in the console; a date less than a year after the activist's filing
// is refused with the one-year message under the date; the right date is taken; the applicant then sees the next step
// on the phone and hands in a thought report. The demo seed has no file and no account of a person of the masses:
// the test makes both through the API (the account by the security administrator, as an administrator would).

interface Person {
  id: number
  name: string
  birth_date: string
  unit_id: number
  branch_id: number | null
  party_status: string
}

const JSON_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Today in Beijing, YYYY-MM-DD. */
const beijingToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())

/** A day of a month `months` from the month of `date` (days up to 28, so no month end is involved). */
function monthDay(date: string, months: number, day: number): string {
  const [y, m] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

async function setDate(page: Page, id: string, value: string): Promise<void> {
  const box = textBox(page, id)
  await box.fill(value)
  await box.press('Enter')
  await expect(box).toHaveValue(value)
}

/** Records the next step from the form (the form asks before sending; the answer is awaited). */
async function record(page: Page, date: string): Promise<number> {
  await setDate(page, 'step-date', date)
  await page.getByTestId('step-submit').click()
  const answered = page.waitForResponse((r) => /\/api\/v1\/party\/cases\/\d+\/steps$/.test(r.url()) && r.request().method() === 'POST')
  await page.locator('.el-message-box__btns .el-button--primary').click()
  return (await answered).status()
}

async function expectNext(page: Page, no: number, name: string): Promise<void> {
  await expect(page.getByTestId('step-form-title')).toHaveText(`第${no}步 ${name}`)
  await expect(page.getByTestId(`timeline-step-${no}`)).toHaveAttribute('data-state', 'next')
}

/**
 * A person of the masses in the secretary's branch born on or before `bornBy`. The demo branch has none (its people are
 * members), so the organisation department's administrator files one with the branch, from the branch's unit when it
 * has one, else from another unit, as an administrator correcting the roster would. Each run uses one up: the file
 * makes them an applicant.
 */
async function applicantInBranch(browser: Browser, secretary: Page, baseURL: string | undefined, bornBy: string): Promise<Person> {
  const me = await json<{ roles: { code: string; org_node_id: number }[] }>(secretary, '/api/v1/auth/me')
  const branchId = me.roles.find((r) => r.code === 'branch_secretary')!.org_node_id
  const fits = (p: Person) => p.birth_date <= bornBy
  const inBranch = (await json<{ items: Person[] }>(secretary, `/api/v1/people?party_status=masses&page_size=200&unit_id=${branchId}`)).items.find(fits)
  if (inBranch) return inBranch
  const unitId = (await json<Person>(secretary, '/api/v1/me/person')).unit_id
  const admin = await (await browser.newContext({ baseURL })).newPage()
  await signIn(admin, 'admin')
  const masses = (query: string) => json<{ items: Person[] }>(admin, `/api/v1/people?party_status=masses&page_size=200&sort=name${query}`)
  const someone = (await masses(`&unit_id=${unitId}`)).items.find(fits) ?? (await masses('')).items.find(fits)
  expect(someone, 'a person of the masses aged 18 or more in the demo city').toBeTruthy()
  const moved = await admin.request.patch(`/api/v1/people/${someone!.id}`, { headers: JSON_HEADERS, data: { unit_id: unitId, branch_id: branchId } })
  expect(moved.status(), await moved.text()).toBe(200)
  const person = (await moved.json()) as Person
  await admin.context().close()
  return person
}

async function phone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return context.newPage()
}

test.describe('党员发展', () => {
  test.describe.configure({ timeout: 180_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the secretary records the steps to 确定发展对象 (a year after filing), the applicant follows on the phone', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'secretary')

    // Dates in the past: the application 20 months ago, the activist filed on the 15th of that month, so that a
    // year after the filing is 8 months ago.
    const today = beijingToday()
    const applied = monthDay(today, -20, 1)
    const filed = monthDay(today, -20, 15)
    const aYearOn = monthDay(today, -8, 15)

    // A person of the masses in the secretary's branch, old enough on the application day, and a full member as contact.
    const applicant = await applicantInBranch(browser, page, baseURL, monthDay(applied, -12 * 18 - 1, 1))
    const members = await json<{ items: Person[] }>(page, `/api/v1/people?party_status=full&page_size=50&unit_id=${applicant.branch_id}`)
    const contact = members.items.find((p) => p.id !== applicant.id)
    expect(contact, 'a full member in the applicant’s branch').toBeTruthy()

    // --- 新建发展档案 from the pipeline
    await page.goto('/party/pipeline')
    await expect(page.getByTestId('pipeline-stage-1')).toBeVisible()
    await page.getByTestId('pipeline-open-case').click()
    await textBox(page, 'open-case-person').fill(applicant.name)
    await page.getByTestId(`open-case-person-option-${applicant.id}`).click()
    await setDate(page, 'open-case-date', applied)
    const opened = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/cases') && r.request().method() === 'POST')
    await page.getByTestId('open-case-submit').click()
    expect((await opened).status()).toBe(201)
    await expect(page).toHaveURL(/\/party\/cases\/\d+$/)
    const caseId = Number(/(\d+)$/.exec(page.url())![1])
    await expect(page.getByTestId('case-name')).toHaveText(applicant.name)
    await expect(page.getByTestId('case-party-status')).toHaveText('入党申请人')
    await expect(page.getByTestId('timeline-step-1')).toHaveAttribute('data-state', 'done')
    await expectNext(page, 2, '党组织派人谈话')

    // --- 2 talk, 3 activist, 4 filed, 5 contacts, 6 cultivation
    await page.getByTestId('step-talker').fill('王明（支部组织委员）')
    // The talk notes as a PDF scan: sent as they are, shown as a tile that opens them, then in the timeline.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST')
    await page.getByTestId('step-documents').locator('input[type=file]').setInputFiles({ name: '谈话记录.pdf', mimeType: 'application/pdf', buffer: pdf })
    const notes = (await (await uploaded).json()) as { id: number; content_type: string }
    expect(notes.content_type).toBe('application/pdf')
    await expect(page.getByTestId('step-documents-pdf')).toBeVisible()
    expect(await record(page, monthDay(today, -20, 6))).toBe(201)
    const talk = page.getByTestId('timeline-step-2').getByTestId('evidence-file')
    await expect(talk).toBeVisible()
    await expect(page.getByTestId('step-documents-pdf'), 'the next step starts without documents').toHaveCount(0)
    await screenshot(page, 'console-party-step-pdf')
    const talkFile = await page.request.get((await talk.getAttribute('href'))!)
    expect(talkFile.headers()['content-type']).toBe('application/pdf')
    expect((await talkFile.body()).equals(pdf)).toBe(true)
    await expectNext(page, 3, '推荐和确定入党积极分子')

    await page.getByTestId('step-outcome-recommendation').click()
    expect(await record(page, monthDay(today, -20, 10))).toBe(201)
    await expectNext(page, 4, '上级党委备案')
    await expect(page.getByTestId('case-party-status')).toHaveText('入党积极分子')

    expect(await record(page, filed)).toBe(201)
    await expectNext(page, 5, '指定培养联系人')

    await page.getByTestId('step-contacts').click()
    await page.getByTestId(`step-contacts-option-${contact!.id}`).click()
    await page.getByTestId('step-form-title').click() // close the list
    expect(await record(page, monthDay(today, -20, 18))).toBe(201)
    await expectNext(page, 6, '培养教育考察')
    await expect(page.getByTestId('timeline-step-5')).toContainText(contact!.name)

    expect(await record(page, monthDay(today, -19, 15))).toBe(201)
    await expectNext(page, 7, '确定发展对象')
    await expect(page.getByTestId('step-form-when')).toHaveText(`可以进行（不早于 ${aYearOn}）`)

    // --- 7 too early: half a year after the filing
    expect(await record(page, monthDay(today, -14, 15))).toBe(400)
    const dateItem = page.getByTestId('step-date-item')
    await expect(dateItem.locator('.el-form-item__error')).toContainText(`最早可在 ${aYearOn} 记录`)
    await expect(dateItem.locator('.el-form-item__error')).toContainText('满一年')
    await expect(page.getByTestId('step-use-earliest')).toHaveText(`改为最早日期 ${aYearOn}`)
    await screenshot(page, 'console-party-step7-refused')

    // --- 7 on the right date (the offered earliest one)
    await page.getByTestId('step-use-earliest').click()
    await expect(textBox(page, 'step-date')).toHaveValue(aYearOn)
    await page.getByTestId('step-submit').click()
    const accepted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/party/cases/${caseId}/steps`) && r.request().method() === 'POST')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    expect((await accepted).status()).toBe(201)
    await expectNext(page, 8, '报上级党委备案')
    await expect(page.getByTestId('timeline-step-7')).toContainText(aYearOn)
    await expect(page.getByTestId('case-party-status')).toHaveText('发展对象')
    await expect(page.getByTestId('case-stage')).toContainText('第3阶段')
    // No thought report since the filing: long overdue.
    await expect(page.getByTestId('case-warnings')).toContainText('思想汇报')
    await screenshot(page, 'console-party-case')

    // --- the pipeline and the to-do list show the file
    await page.goto('/party/pipeline')
    const card = page.getByTestId(`pipeline-case-${caseId}`)
    await expect(page.getByTestId('pipeline-stage-3').getByTestId(`pipeline-case-${caseId}`)).toBeVisible()
    await expect(card).toContainText('第8步 报上级党委备案')
    await expect(card).toHaveClass(/pipeline__card--overdue/)
    await screenshot(page, 'console-party-pipeline')
    await page.goto('/party/warnings')
    await expect(page.getByTestId(`warning-${caseId}-thought_report`)).toBeVisible()
    await page.getByTestId(`warning-${caseId}-thought_report`).click()
    await expect(page).toHaveURL(new RegExp(`/party/cases/${caseId}$`))

    // --- the applicant's account (the security administrator makes it; the first sign-in changes the password)
    const admin = await (await browser.newContext({ baseURL })).newPage()
    await signIn(admin, 'secadmin')
    const username = `e2e_party_${Date.now() % 1_000_000_000}`
    const made = await admin.request.post('/api/v1/accounts', {
      headers: JSON_HEADERS,
      data: { username, display_name: applicant.name, person_id: applicant.id, grant: { role: 'cadre', scope: 'self', org_node_id: applicant.unit_id } },
    })
    expect(made.status(), await made.text()).toBe(201)
    const { one_time_password: firstPassword } = (await made.json()) as { one_time_password: string }

    const member = await phone(browser, baseURL)
    const login = await member.request.post('/api/v1/auth/login', { headers: JSON_HEADERS, data: { username, password: firstPassword } })
    expect(login.status(), await login.text()).toBe(200)
    const changed = await member.request.post('/api/v1/auth/password', {
      headers: JSON_HEADERS,
      data: { current_password: firstPassword, new_password: DEMO_PASSWORD },
    })
    expect(changed.status(), await changed.text()).toBe(204)

    // --- the phone: 我的 → 我的党员发展
    await member.goto('/m/me')
    await member.getByTestId('me-party').click()
    await expect(member).toHaveURL(/\/m\/party$/)
    await expect(member.getByTestId('my-party-stage')).toHaveText('发展对象的确定和考察')
    await expect(member.getByTestId('my-party-next')).toContainText('第8步 报上级党委备案')
    await expect(member.getByTestId('my-step-7')).toContainText(aYearOn)
    await expect(member.getByTestId('my-party-report-due')).toContainText('已逾期')

    const thought = `e2e 思想汇报 ${Date.now() % 1_000_000}：本季度认真学习党章和党的创新理论，积极完成各项工作任务。`
    await member.getByTestId('my-party-content').locator('textarea').fill('太短了')
    await member.getByTestId('my-party-submit').click()
    await expect(member.getByTestId('my-party-content')).toContainText('至少 10 个字')
    await member.getByTestId('my-party-content').locator('textarea').fill(thought)
    const sent = member.waitForResponse((r) => r.url().endsWith('/api/v1/me/party/thought-reports'))
    await member.getByTestId('my-party-submit').click()
    expect((await sent).status()).toBe(201)
    await expect(member.getByTestId('my-party-reports')).toContainText(thought)
    await expect(member.getByTestId('my-party-report-due')).toHaveCount(0) // handed in today: no longer overdue
    await screenshot(member, 'mobile-party')

    // --- back in the console, the secretary sees the report in the file
    await page.goto(`/party/cases/${caseId}`)
    await expect(page.getByTestId('case-reports')).toContainText(thought)
    await member.context().close()
    await admin.context().close()
  })

  test('a member without a file is told so on the phone; the console keeps the pages from those without party.read', async ({ browser, page }, testInfo) => {
    const member = await phone(browser, testInfo.project.use.baseURL)
    await signIn(member, 'cadre01')
    const mine = await json<{ case: unknown }>(member, '/api/v1/me/party')
    await member.goto('/m/party')
    if (mine.case === null) await expect(member.getByTestId('my-party-none')).toContainText('还没有入党发展档案')
    else await expect(member.getByTestId('my-party-card')).toBeVisible()
    await member.context().close()

    await signIn(page, 'cadre01')
    await page.goto('/')
    await expect(page.getByTestId('menu-partyPipeline')).toHaveCount(0)
    await expect(page.getByTestId('menu-development')).toHaveCount(0)
    await page.goto('/party/pipeline')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
