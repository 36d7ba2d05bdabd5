import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 民主评议 and 政治生命档案 against the demo city: the branch secretary records the appraisal of a year for their branch
// in the console; 不合格 without a note is refused on its row before anything is sent, then taken with the note; the
// detail shows the grade counts; a member's life-cycle record shows their grade; the member (cadre01, of the same
// branch) sees it in 我的政治生命 on the phone. Each run takes a year the branch has no appraisal of yet.

interface Person {
  id: number
  name: string
  branch_id: number | null
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Today in Beijing, YYYY-MM-DD. */
const beijingToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click()
  await page.getByTestId(option).click()
}

test.describe('政治生命档案与民主评议', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the secretary records the branch’s appraisal (a note for 不合格 is required), the record and the phone show it', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'secretary')
    const me = await json<{ person_id: number; roles: { code: string; org_node_id: number }[] }>(page, '/api/v1/auth/me')
    const branchId = me.roles.find((r) => r.code === 'branch_secretary')!.org_node_id

    // The member on the phone: cadre01, of the secretary's branch.
    const member = await (await browser.newContext({ ...PHONE, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(member, 'cadre01')
    const cadre = await json<Person>(member, '/api/v1/me/person')
    expect(cadre.branch_id, 'cadre01 belongs to the secretary’s branch').toBe(branchId)

    // Someone else of the branch to be graded 不合格.
    const full = await json<{ items: Person[] }>(page, `/api/v1/people?unit_id=${branchId}&party_status=full&sort=name&page_size=200`)
    const other = full.items.find((p) => p.branch_id === branchId && p.id !== cadre.id && p.id !== me.person_id)
    expect(other, 'another full member in the branch').toBeTruthy()

    // The latest earlier year the branch has no appraisal of (the dialog offers this year and the five before).
    const thisYear = Number(beijingToday().slice(0, 4))
    const done = (await json<{ items: { year: number }[] }>(page, `/api/v1/party/appraisals?node_id=${branchId}`)).items.map((a) => a.year)
    const year = [1, 2, 3, 4, 5].map((n) => thisYear - n).find((y) => !done.includes(y))
    test.skip(year === undefined, 'the branch has appraisals of every year the dialog offers: use a fresh demo database')
    const decidedOn = `${year}-12-20`

    // --- 录入评议
    await page.goto('/party/appraisals')
    await expect(page.getByTestId('appraisals-table')).toBeVisible()
    await page.getByTestId('appraisals-add').click()
    await expect(page.getByTestId(`appraisal-row-${cadre.id}`)).toBeVisible()
    await choose(page, 'appraisal-year', `appraisal-year-option-${year}`)
    const date = textBox(page, 'appraisal-date')
    await date.fill(decidedOn)
    await date.press('Enter')
    await expect(date).toHaveValue(decidedOn)
    await page.getByTestId('appraisal-note').fill('经支部党员大会民主评议，结果已公示')

    await choose(page, `appraisal-grade-${cadre.id}`, `appraisal-grade-${cadre.id}-option-excellent`)
    await choose(page, `appraisal-grade-${other!.id}`, `appraisal-grade-${other!.id}-option-unqualified`)
    await expect(page.getByTestId('appraisal-counts')).toContainText('优秀 1')
    await expect(page.getByTestId('appraisal-counts')).toContainText('不合格 1')

    // No note for 不合格: refused on the row, nothing sent.
    let posted = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/party/appraisals')) posted++
    })
    await page.getByTestId('appraisal-submit').click()
    await expect(page.getByTestId(`appraisal-error-${other!.id}`)).toHaveText('须填写：处置意见')
    await expect(page.getByTestId('appraisal-missing')).toContainText('1 名党员的备注未填写')
    expect(posted).toBe(0)
    await screenshot(page, 'console-appraisal-note-refused')

    // With the note: recorded, and the detail opens with the counts.
    await textBox(page, `appraisal-note-${other!.id}`).fill('限期整改，由支部书记谈话提醒')
    await expect(page.getByTestId(`appraisal-error-${other!.id}`)).toHaveCount(0)
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/party/appraisals') && r.request().method() === 'POST')
    await page.getByTestId('appraisal-submit').click()
    const response = await answered
    expect(response.status(), await response.text()).toBe(201)
    const appraisal = (await response.json()) as { id: number; grades: { person_id: number; grade: string }[] }
    expect(appraisal.grades.find((g) => g.person_id === other!.id)?.grade).toBe('unqualified')

    const detail = page.getByTestId('appraisal-detail')
    await expect(detail.getByTestId('appraisal-count-excellent')).toContainText('1')
    await expect(detail.getByTestId('appraisal-count-unqualified')).toContainText('1')
    await expect(detail.getByTestId('appraisal-detail-grades')).toContainText('限期整改，由支部书记谈话提醒')
    await screenshot(page, 'console-appraisal-detail')

    // The list shows it under its year.
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(`appraisal-${appraisal.id}`)).toBeVisible()

    // --- the member's life-cycle record, from the detail
    await page.getByTestId(`appraisal-${appraisal.id}`).click()
    await detail.getByTestId(`appraisal-detail-person-${cadre.id}`).click()
    await expect(page).toHaveURL(new RegExp(`/party/people/${cadre.id}/timeline$`))
    await expect(page.getByTestId('timeline-name')).toHaveText(cadre.name)
    const line = page.getByTestId(`timeline-appraisal-${appraisal.id}`)
    await expect(line).toContainText(`${year}年度民主评议：优秀`)
    await expect(page.getByTestId(`timeline-year-${year}`)).toContainText('民主评议')
    await expect(page.getByTestId('timeline-print')).toBeVisible()
    await screenshot(page, 'console-timeline')

    // Narrowed to appraisals only, the meetings go and the grade stays.
    const meetings = page.getByTestId('timeline-type-meeting')
    if (await meetings.count()) {
      await meetings.click()
      await expect(page.locator('.life-timeline__line--meeting')).toHaveCount(0)
      await expect(line).toBeVisible()
    }

    // --- the phone: 我的 → 我的政治生命
    await member.goto('/m/me')
    await member.getByTestId('me-timeline').click()
    await expect(member).toHaveURL(/\/m\/party\/timeline$/)
    await expect(member.getByTestId('my-timeline-card')).toContainText(cadre.name)
    await expect(member.getByTestId(`my-timeline-appraisal-${appraisal.id}`)).toContainText(`${year}年度民主评议：优秀`)
    await member.getByTestId('my-timeline-view-important').click()
    await expect(member.getByTestId(`my-timeline-appraisal-${appraisal.id}`)).toBeVisible()
    await expect(member.locator('.my-life__line--meeting')).toHaveCount(0)
    await screenshot(member, 'mobile-timeline')
    await member.context().close()
  })

  test('without party.read the console pages are closed; a member reaches 我的政治生命 from 我的党员发展', async ({ browser, page }, testInfo) => {
    await signIn(page, 'cadre01')
    await page.goto('/')
    await expect(page.getByTestId('menu-partyAppraisals')).toHaveCount(0)
    await page.goto('/party/appraisals')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')

    const member = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(member, 'cadre01')
    await member.goto('/m/party')
    await member.getByTestId('my-party-timeline').click()
    await expect(member).toHaveURL(/\/m\/party\/timeline$/)
    await expect(member.getByTestId('my-timeline-card')).toBeVisible()
    await member.context().close()
  })
})
