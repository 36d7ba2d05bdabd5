import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 组织生活 against the demo city: the branch secretary records a 主题党日 for their branch in the console, marks one
// member excused (without a reason the row is refused; with one it is saved), writes the minutes, closes the record
// (the confirmation says attendance goes to points and the record freezes) and sees it closed and read-only; the
// cadence board shows the branch with the theme day held today and links to its meetings; on the phone the secretary
// finds the meeting under 我的会议. Each run records one more meeting in the demo database.

interface AttendanceRow {
  person_id: number
  name: string
  status: string
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** Today in Beijing, YYYY-MM-DD. */
const beijingToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

const answered = (page: Page, method: string, pattern: RegExp) =>
  page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname) && r.request().method() === method)

test.describe('组织生活', () => {
  test.describe.configure({ timeout: 120_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('the secretary records a 主题党日 with an excused member, closes it, and the cadence board shows the branch', async ({ browser, page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    const me = await signIn(page, 'secretary')
    const who = await json<{ person_id: number; roles: { code: string; org_node_id: number; org_node_name: string }[] }>(page, '/api/v1/auth/me')
    const branch = who.roles.find((r) => r.code === 'branch_secretary')!
    const today = beijingToday()
    const topic = `e2e 主题党日 ${Date.now() % 1_000_000}：重温入党誓词`

    // --- 记录会议 from the list: the secretary's branch is offered, a branch holds no 党小组会
    await page.goto('/party/meetings')
    await expect(page.getByTestId('meetings-table')).toBeVisible()
    await page.getByTestId('meetings-record').click()
    const dialog = page.getByTestId('meeting-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('meeting-node')).toContainText(branch.org_node_name)
    await page.getByTestId('meeting-type').click()
    await expect(page.getByTestId('meeting-type-party_group')).toHaveCount(0)
    await page.getByTestId('meeting-type-theme_day').click()
    await expect(page.getByTestId('meeting-lecturer')).toHaveCount(0) // only a party lecture has a lecturer

    // Without a topic or host the dialog says so and sends nothing.
    await page.getByTestId('meeting-submit').click()
    await expect(dialog.locator('.el-form-item__error')).toContainText(['请填写会议主题', '请选择主持人'])
    await textBox(page, 'meeting-topic').fill(topic)
    await page.getByTestId('meeting-host').click()
    await page.getByTestId(`meeting-host-option-${who.person_id}`).click()
    const created = answered(page, 'POST', /^\/api\/v1\/party\/meetings$/)
    await page.getByTestId('meeting-submit').click()
    expect((await created).status()).toBe(201)

    // --- the new meeting's page: open, everyone on the branch's list present
    await expect(page).toHaveURL(/\/party\/meetings\/\d+$/)
    const meetingId = Number(/(\d+)$/.exec(page.url())![1])
    await expect(page.getByTestId('meeting-title')).toHaveText(topic)
    await expect(page.getByTestId('meeting-status')).toHaveText('待归档')
    await expect(page.getByTestId('meeting-type-tag')).toHaveText('主题党日')
    const { attendance } = await json<{ attendance: AttendanceRow[] }>(page, `/api/v1/party/meetings/${meetingId}`)
    expect(attendance.length).toBeGreaterThan(1)
    expect(attendance.every((a) => a.status === 'present')).toBe(true)
    const member = attendance.find((a) => a.person_id !== who.person_id)!
    await expect(page.getByTestId('attendance-counts')).toHaveText(`出席 ${attendance.length} · 请假 0 · 缺席 0`)

    // --- excused without a reason: refused on the member's row, nothing sent
    let sent = 0
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith(`/party/meetings/${meetingId}/attendance`)) sent += 1
    })
    await page.getByTestId(`attendance-${member.person_id}-excused`).click()
    await page.getByTestId('attendance-save').click()
    await expect(page.getByTestId(`attendance-${member.person_id}-error`)).toHaveText('请假须填写事由')
    await expect(page.getByTestId('attendance-problem')).toContainText('请先补全标红的请假事由')
    expect(sent).toBe(0)
    await screenshot(page, 'console-meeting-reason-refused')

    // --- with the reason it is saved
    await textBox(page, `attendance-${member.person_id}-reason`).fill('参加市委党校集中培训')
    await expect(page.getByTestId(`attendance-${member.person_id}-error`)).toHaveCount(0)
    const marked = answered(page, 'PUT', new RegExp(`^/api/v1/party/meetings/${meetingId}/attendance$`))
    await page.getByTestId('attendance-save').click()
    expect((await marked).status()).toBe(200)
    await expect(page.getByTestId('attendance-counts')).toHaveText(`出席 ${attendance.length - 1} · 请假 1 · 缺席 0`)

    // --- the minutes
    const minutes = '支部书记带领全体党员重温入党誓词，与会党员结合岗位工作交流体会，会议要求把学习成果转化为工作实效。'
    await page.locator('textarea[data-testid="meeting-minutes"], [data-testid="meeting-minutes"] textarea').fill(minutes)
    const saved = answered(page, 'PUT', new RegExp(`^/api/v1/party/meetings/${meetingId}$`))
    await page.getByTestId('meeting-save').click()
    expect((await saved).status()).toBe(200)
    await screenshot(page, 'console-meeting-open')

    // --- 结束归档: the confirmation says what closing does
    await page.getByTestId('meeting-close').click()
    const box = page.locator('.el-message-box')
    await expect(box).toContainText('计入党员积分')
    await expect(box).toContainText('冻结')
    const closed = answered(page, 'POST', new RegExp(`^/api/v1/party/meetings/${meetingId}/close$`))
    await box.locator('.el-message-box__btns .el-button--primary').click()
    expect((await closed).status()).toBe(200)

    // --- closed: read-only, who closed it
    await expect(page.getByTestId('meeting-status')).toHaveText('已归档')
    await expect(page.getByTestId('meeting-closed-notice')).toContainText(me.display_name)
    await expect(page.getByTestId('meeting-closed-notice')).toContainText('记录已冻结')
    await expect(page.getByTestId('meeting-close')).toHaveCount(0)
    await expect(page.getByTestId('meeting-delete')).toHaveCount(0)
    await expect(page.getByTestId('meeting-save')).toHaveCount(0)
    await expect(page.getByTestId('meeting-minutes-text')).toHaveText(minutes)
    await expect(page.getByTestId(`attendance-${member.person_id}`)).toHaveText('请假')
    await page.reload()
    await expect(page.getByTestId('meeting-status')).toHaveText('已归档')
    await expect(page.getByTestId(`attendance-${member.person_id}`)).toHaveText('请假')
    await screenshot(page, 'console-meeting-closed')

    // --- the list has it among the branch's closed theme days
    await page.goto(`/party/meetings?node_id=${branch.org_node_id}&meeting_type=theme_day`)
    await expect(page.getByTestId(`meeting-row-${meetingId}`)).toHaveText(topic)
    await page.getByTestId(`meeting-row-${meetingId}`).click()
    await expect(page).toHaveURL(new RegExp(`/party/meetings/${meetingId}$`))

    // --- the cadence board: the branch, its theme day held today, and a link to its meetings
    await page.goto('/party/cadence')
    await expect(page.getByTestId(`cadence-row-${branch.org_node_id}`)).toContainText(branch.org_node_name)
    const themeDay = page.getByTestId(`cadence-${branch.org_node_id}-theme_day`)
    await expect(themeDay).toContainText('正常')
    await expect(themeDay).toContainText(today)
    await expect(page.getByTestId(`cadence-${branch.org_node_id}-overall`)).toHaveText(/正常|临近期限|超期未开/)
    await screenshot(page, 'console-meeting-cadence')
    await page.getByTestId(`cadence-link-${branch.org_node_id}`).click()
    await expect(page).toHaveURL(new RegExp(`/party/meetings\\?node_id=${branch.org_node_id}$`))
    await expect(page.getByTestId(`meeting-row-${meetingId}`)).toBeVisible()

    // --- the phone: 我的 → 我的会议 lists it with my attendance
    const phone = await (await browser.newContext({ ...PHONE, baseURL: testInfo.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage()
    await signIn(phone, 'secretary')
    await phone.goto('/m/me')
    await phone.getByTestId('me-meetings').click()
    await expect(phone).toHaveURL(/\/m\/party\/meetings$/)
    const mine = phone.getByTestId(`my-meeting-${meetingId}`)
    await expect(mine).toContainText(today)
    await expect(mine).toContainText('主题党日')
    await expect(mine).toContainText(topic)
    await expect(phone.getByTestId(`my-meeting-${meetingId}-status`)).toHaveText('出席')
    await screenshot(phone, 'mobile-meetings')
    await phone.context().close()
  })

  test('a cadre without party.read has no 组织生活 pages in the console', async ({ page }) => {
    await signIn(page, 'cadre01')
    await page.goto('/')
    await expect(page.getByTestId('menu-orgLife')).toHaveCount(0)
    await page.goto('/party/cadence')
    await expect(page.getByTestId('forbidden')).toContainText('无权访问')
  })
})
