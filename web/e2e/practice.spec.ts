import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 实践锻炼 against the demo city: the unit administrator records a front-line assignment of cadre01 in the console
// (20 days, started three weeks ago), starts it, completes it with a grade and an outcome — the form says it earns
// the short award — and sees it completed in the list; the completion is booked in cadre01's points (once), and on
// the phone cadre01 finds it under 我的 → 我的实践. Each run records one more assignment in the demo database.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** A Beijing date `offset` days from today, YYYY-MM-DD. */
const beijingDay = (offset = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000))

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

async function pickDate(page: Page, testid: string, date: string): Promise<void> {
  const box = textBox(page, testid)
  await box.click()
  await box.fill(date)
  await box.press('Enter')
}

interface Entry {
  rule_code: string
  event_type: string | null
}

test.describe('实践锻炼', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('an assignment recorded, started and completed in the console shows on the cadre’s phone with its points', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'cadre01')
    const cadre = await json<{ person_id: number }>(phone, '/api/v1/auth/me')
    const year = beijingDay().slice(0, 4)
    const shortEntries = async () =>
      (await json<{ items: Entry[] }>(phone, `/api/v1/me/points/entries?year=${year}`)).items.filter((e) => e.event_type === 'practice.assignment_completed_short').length
    const before = await shortEntries()
    const host = `e2e 历练点 ${Date.now() % 1_000_000}`

    await signIn(page, 'unitadmin')
    await page.goto('/practice/assignments')
    await expect(page.getByTestId('assignments-table')).toBeVisible()
    await expect(page.getByTestId('plan-panel')).toBeVisible()
    await screenshot(page, 'console-practice-assignments')

    // --- 新增历练: without a host place the form says so and sends nothing; with it the assignment is recorded, planned
    await page.getByTestId('assignments-record').click()
    const dialog = page.getByTestId('assignment-dialog')
    await expect(dialog).toBeVisible()
    await page.getByTestId('assignment-person').click()
    await page.getByTestId(`assignment-person-option-${cadre.person_id}`).click()
    await pickDate(page, 'assignment-starts-on', beijingDay(-21))
    await pickDate(page, 'assignment-planned-end', beijingDay(-1))
    await textBox(page, 'assignment-supervisor').fill('王建国')
    await page.getByTestId('assignment-submit').click()
    await expect(dialog.locator('.el-form-item__error')).toContainText('请填写历练地点')
    await textBox(page, 'assignment-host').fill(host)
    const created = answered(page, 'POST', /^\/api\/v1\/practice\/assignments$/)
    await page.getByTestId('assignment-submit').click()
    const response = await created
    expect(response.status()).toBe(201)
    const assignmentId = ((await response.json()) as { id: number }).id

    // --- the drawer: 开始历练 (the planned start), then 完成历练 with a grade and the outcome
    const drawer = page.getByTestId('assignment-drawer')
    await expect(drawer.getByTestId('assignment-state')).toHaveText('计划中')
    const started = answered(page, 'POST', new RegExp(`^/api/v1/practice/assignments/${assignmentId}/start$`))
    await drawer.getByTestId('assignment-step-submit').click()
    expect((await started).status()).toBe(200)
    await expect(drawer.getByTestId('assignment-state')).toHaveText('历练中')
    await drawer.getByTestId('assignment-step-complete').click()
    await pickDate(page, 'assignment-step-date', beijingDay(-1))
    await drawer.getByTestId('assignment-step-grade').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '优秀' }).click()
    await drawer.locator('textarea[data-testid="assignment-step-text"], [data-testid="assignment-step-text"] textarea').fill('完成村级集体经济增收项目调研，形成报告一篇')
    await expect(drawer.getByTestId('assignment-earns')).toContainText('+2')
    await screenshot(page, 'console-practice-complete')
    const completed = answered(page, 'POST', new RegExp(`^/api/v1/practice/assignments/${assignmentId}/complete$`))
    await drawer.getByTestId('assignment-step-submit').click()
    expect((await completed).status()).toBe(200)
    await expect(drawer.getByTestId('assignment-state')).toHaveText('已完成')
    await expect(drawer.getByTestId('assignment-steps')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(`assignment-row-${assignmentId}-state`)).toHaveText('已完成')

    // --- the points: one more short-assignment entry for cadre01 (booked once, whatever the yearly cap leaves)
    expect(await shortEntries()).toBe(before + 1)

    // --- the phone: 我的 → 我的实践
    await phone.goto('/m/me')
    await phone.getByTestId('me-practice').click()
    await expect(phone).toHaveURL(/\/m\/practice$/)
    const mine = phone.getByTestId(`my-assignment-${assignmentId}`)
    await expect(mine).toContainText(host)
    await expect(phone.getByTestId(`my-assignment-${assignmentId}-state`)).toHaveText('已完成')
    await expect(mine).toContainText('优秀')
    await screenshot(phone, 'mobile-practice')
    // 比武: the demo's published competition with cadre01's own score and rank (not the others').
    const own = (await (await phone.request.get('/api/v1/me/practice/competitions')).json()) as {
      items: { id: number; participants: number; entries?: unknown; mine: { score: number; rank: number } }[]
    }
    expect(own.items.length, 'the demo competition cadre01 took part in').toBeGreaterThan(0)
    expect(own.items[0].entries).toBeUndefined()
    await phone.getByRole('tab', { name: '比武' }).click()
    const first = own.items[0]
    await expect(phone.getByTestId(`my-competition-${first.id}-rank`)).toHaveText(`第 ${first.mine.rank} 名 / ${first.participants} 人`)
    await expect(phone.getByTestId(`my-competition-${first.id}`)).toContainText(`${first.mine.score} 分`)
    await screenshot(phone, 'mobile-practice-competitions')
    await phone.context().close()
  })

  test('an open training class is edited in the console: a wrong end date is refused under its field, the new facts are saved', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'unitadmin')
    const open = await json<{ items: { node_id: number }[] }>(page, '/api/v1/practice/trainings?status=open')
    expect(open.items.length).toBeGreaterThan(0)
    const title = `e2e 培训班 ${Date.now() % 1_000_000}`
    const created = await page.request.post('/api/v1/practice/trainings', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      data: { node_id: open.items[0].node_id, title, kind: 'theory', starts_on: beijingDay(5), ends_on: beijingDay(6), hours: 8, capacity: 20 },
    })
    expect(created.status()).toBe(201)
    const id = ((await created.json()) as { id: number }).id

    await page.goto(`/practice/trainings/${id}`)
    await expect(page.getByTestId('practice-training').getByRole('heading', { name: title })).toBeVisible()
    await page.getByTestId('training-edit').click()
    const dialog = page.getByTestId('training-dialog')
    await expect(dialog).toBeVisible()
    await expect(textBox(page, 'training-title')).toHaveValue(title)
    // An end before the start: the server's words under the field, nothing saved.
    await pickDate(page, 'training-ends-on', beijingDay(2))
    let sent = answered(page, 'PUT', /\/practice\/trainings\/\d+$/)
    await page.getByTestId('training-submit').click()
    expect((await sent).status()).toBe(400)
    await expect(dialog.locator('.el-form-item__error')).toContainText('结束日期不能早于开始日期')
    await screenshot(page, 'console-practice-training-edit')
    // Put right, renamed, longer: saved, and the page shows it.
    await pickDate(page, 'training-ends-on', beijingDay(7))
    await textBox(page, 'training-title').fill(`${title} 改`)
    await textBox(page, 'training-hours').fill('16')
    sent = answered(page, 'PUT', /\/practice\/trainings\/\d+$/)
    await page.getByTestId('training-submit').click()
    expect((await sent).status()).toBe(200)
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('practice-training').getByRole('heading', { name: `${title} 改` })).toBeVisible()
    const saved = await json<{ title: string; hours: number; ends_on: string; node_id: number }>(page, `/api/v1/practice/trainings/${id}`)
    expect(saved).toMatchObject({ title: `${title} 改`, hours: 16, ends_on: beijingDay(7), node_id: open.items[0].node_id })
  })

  test('attendance is marked day by day and the days attended follow', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'unitadmin')
    const open = await json<{ items: { id: number; node_id: number }[] }>(page, '/api/v1/practice/trainings?status=open')
    const demo = await json<{ enrolments: { person_id: number; name: string }[] }>(page, `/api/v1/practice/trainings/${open.items[0].id}`)
    const [first, second] = demo.enrolments
    const headers = { 'X-Requested-With': 'XMLHttpRequest' }
    const created = await page.request.post('/api/v1/practice/trainings', {
      headers,
      data: { node_id: open.items[0].node_id, title: `e2e 考勤 ${Date.now() % 1_000_000}`, kind: 'skill', starts_on: beijingDay(-1), ends_on: beijingDay(2), hours: 16, capacity: 10 },
    })
    expect(created.status()).toBe(201)
    const id = ((await created.json()) as { id: number }).id
    expect((await page.request.post(`/api/v1/practice/trainings/${id}/enrolments`, { headers, data: { person_ids: [first.person_id, second.person_id] } })).status()).toBe(200)
    const attended = async () => {
      const t = await json<{ enrolments: { person_id: number; attended_days: number }[] }>(page, `/api/v1/practice/trainings/${id}`)
      return Object.fromEntries(t.enrolments.map((e) => [e.person_id, e.attended_days]))
    }

    await page.goto(`/practice/trainings/${id}`)
    const days = page.getByTestId('training-days')
    await expect(days).toBeVisible()
    // Today (the last day begun) with everyone ticked; the second person was away.
    await page.getByTestId(`training-present-${second.person_id}`).click()
    let sent = answered(page, 'PUT', /\/attendance$/)
    await page.getByTestId('training-day-save').click()
    expect((await sent).status()).toBe(200)
    expect(await attended()).toEqual({ [first.person_id]: 1, [second.person_id]: 0 })
    // Yesterday: both there.
    await page.getByTestId('training-day').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: beijingDay(-1) }).click()
    sent = answered(page, 'PUT', /\/attendance$/)
    await page.getByTestId('training-day-save').click()
    expect((await sent).status()).toBe(200)
    expect(await attended()).toEqual({ [first.person_id]: 2, [second.person_id]: 1 })
    await expect(page.getByTestId('training-enrolments')).toContainText(second.name)
    await screenshot(page, 'console-practice-training-days')
  })

  test('a cadre without practice.read has no 实践锻炼 pages in the console', async ({ page }) => {
    await signIn(page, 'cadre01')
    await page.goto('/practice/assignments')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
