import { expect, test, type Page } from '@playwright/test'
import { NO_AUTH_REASON, hasAuth, screenshot, signIn, textBox } from './support'

// 网络课程 and 读书活动 against the demo city: the organisation department's administrator offers a one-minute video
// course to the whole city and publishes it; on a phone, cadre01 opens 我的课程, plays it, watches the progress go up
// with the heartbeats (only while it plays), completes it and earns the course hour; the console's report shows the
// completion. Then cadre01 writes a reading note for the demo reading activity and the organiser marks it excellent.
// The "video" is a minute of generated sound served to the page by the test itself (no network); each run adds one
// course to the demo database.

interface Summary {
  score: number
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
const MEDIA_PATH = '/e2e-media/course.wav'

/** A WAV file of `seconds` of quiet 8 kHz sound: something a <video> element plays anywhere. */
function wav(seconds: number): Buffer {
  const rate = 8000
  const samples = rate * seconds
  const out = Buffer.alloc(44 + samples)
  out.write('RIFF', 0)
  out.writeUInt32LE(36 + samples, 4)
  out.write('WAVEfmt ', 8)
  out.writeUInt32LE(16, 16)
  out.writeUInt16LE(1, 20) // PCM
  out.writeUInt16LE(1, 22) // mono
  out.writeUInt32LE(rate, 24)
  out.writeUInt32LE(rate, 28)
  out.writeUInt16LE(1, 32)
  out.writeUInt16LE(8, 34)
  out.write('data', 36)
  out.writeUInt32LE(samples, 40)
  for (let i = 0; i < samples; i++) out[44 + i] = 128 + Math.round(20 * Math.sin((2 * Math.PI * 220 * i) / rate))
  return out
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path)
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

const beijingYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

test.describe('网络课程与读书活动', () => {
  test.describe.configure({ timeout: 240_000 })

  test.beforeEach(async ({ request }) => {
    test.skip(!(await hasAuth(request)), NO_AUTH_REASON)
  })

  test('a cadre plays a course on the phone, the progress goes up, it completes and earns the hour', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string

    // --- the organiser: 学习教育 → 网络课程 → 新建课程, for the whole city, then 发布
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/courses')
    await expect(page.getByTestId('courses-table')).toBeVisible({ timeout: 30_000 }) // a cold page on a busy machine
    await page.getByTestId('courses-create').click()
    const dialog = page.getByTestId('course-dialog')
    await expect(dialog).toBeVisible()
    const title = `e2e 网络课程 ${Date.now()}`
    await textBox(page, 'course-title').fill(title)
    await page.getByTestId('course-duration').locator('input').fill('1')
    await textBox(page, 'course-url').fill(`${baseURL}${MEDIA_PATH}`)
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/study/courses' && r.request().method() === 'POST')
    await page.getByTestId('course-save').click()
    const course = (await (await created).json()) as { id: number; status: string; required_seconds: number }
    expect(course.status).toBe('draft')
    expect(course.required_seconds).toBe(60)
    await expect(dialog).toBeHidden()
    await page.getByTestId(`course-publish-${course.id}`).click()
    await expect(page.getByTestId(`course-row-${course.id}`).locator('xpath=ancestor::tr')).toContainText('已发布')
    await screenshot(page, 'courses-console')

    // --- cadre01 on a phone: 学习 → 我的课程 → the course → 开始学习
    const phone = await browser.newContext({ ...PHONE, baseURL })
    const cadre = await phone.newPage()
    await cadre.route(`**${MEDIA_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'audio/wav', body: wav(70) }))
    await signIn(cadre, 'cadre01')
    const before = await json<Summary>(cadre, `/api/v1/me/points?year=${beijingYear()}`)
    await cadre.goto('/m/study')
    await cadre.getByTestId('study-courses').click()
    await expect(cadre.getByTestId('my-courses')).toBeVisible({ timeout: 30_000 })
    await expect(cadre.getByTestId(`my-course-${course.id}`)).toContainText(title)
    await screenshot(cadre, 'courses-mine')
    await cadre.getByTestId(`my-course-${course.id}`).click()
    await expect(cadre.getByTestId('course-player')).toBeVisible()
    await expect(cadre.getByTestId('course-watched')).toContainText('已学 0:00')
    await cadre.getByTestId('course-play').click()
    await expect(cadre.getByTestId('course-counting')).toContainText('正在计时', { timeout: 15_000 })

    // The first heartbeat (15 s) moves the progress; it never runs ahead of the time actually played.
    const beat = await cadre.waitForResponse((r) => r.url().includes(`/me/study/courses/${course.id}/progress`), { timeout: 30_000 })
    const first = (await beat.json()) as { watched_seconds: number; credited: number }
    expect(first.watched_seconds).toBeGreaterThan(0)
    expect(first.watched_seconds).toBeLessThanOrEqual(21)
    await expect(cadre.getByTestId('course-watched')).not.toContainText('已学 0:00')
    await screenshot(cadre, 'courses-player')

    // Playing to the end completes it (the video's minute); the hour is booked once.
    await expect(cadre.getByTestId('course-completed')).toBeVisible({ timeout: 120_000 })
    await expect(cadre.getByTestId('course-watched')).toContainText('已学 1:00')
    await screenshot(cadre, 'courses-completed')
    await expect
      .poll(async () => (await json<Summary>(cadre, `/api/v1/me/points?year=${beijingYear()}`)).score, { timeout: 10_000 })
      .toBeGreaterThan(before.score)
    await cadre.goto('/m/study/courses')
    await expect(cadre.getByTestId(`my-course-${course.id}`)).toContainText('再看一遍')

    // --- the console's report shows the completion
    await page.reload()
    await page.getByTestId(`course-report-${course.id}`).click()
    const report = page.getByTestId('course-report')
    await expect(report).toBeVisible()
    await expect(report.getByTestId('report-completed')).toHaveText('1')
    await report.locator('.el-radio-button', { hasText: '已完成' }).click()
    await expect(report.getByTestId('report-learners').locator('tbody tr')).toHaveCount(1)
    await expect(report.getByTestId('report-learners')).toContainText('100%')
    await screenshot(page, 'courses-report')
    await phone.close()
  })

  test('a document course is an uploaded PDF, drawn inside the phone\'s player', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string
    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/courses')
    await expect(page.getByTestId('courses-table')).toBeVisible({ timeout: 30_000 })
    await page.getByTestId('courses-create').click()
    const dialog = page.getByTestId('course-dialog')
    const title = `e2e 文档课程 ${Date.now()}`
    await textBox(page, 'course-title').fill(title)
    await page.getByTestId('course-kind').getByText('文档').click()
    await page.getByTestId('course-source').getByText('上传文档').click()
    await page.getByTestId('course-save').click()
    await expect(dialog.locator('.el-form-item__error')).toContainText('请填写课程文档')
    // A one-page PDF (no cross-reference table: readers rebuild it, as they do for many scanners' files).
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    )
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/files' && r.request().method() === 'POST')
    await page.getByTestId('course-file-input').setInputFiles({ name: '纪律处分条例解读.pdf', mimeType: 'application/pdf', buffer: pdf })
    expect((await uploaded).status()).toBe(201)
    await expect(page.getByTestId('course-file-name')).toContainText('纪律处分条例解读.pdf')
    await screenshot(page, 'courses-document-upload')
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/study/courses' && r.request().method() === 'POST')
    await page.getByTestId('course-save').click()
    const course = (await (await created).json()) as { id: number; url: string; file_id: number }
    expect(course.url).toBe(`/api/v1/study/courses/${course.id}/document`)
    await expect(dialog).toBeHidden()
    await page.getByTestId(`course-publish-${course.id}`).click()
    await expect(page.getByTestId(`course-row-${course.id}`).locator('xpath=ancestor::tr')).toContainText('已发布')

    const phone = await browser.newContext({ ...PHONE, baseURL })
    const cadre = await phone.newPage()
    await signIn(cadre, 'cadre01')
    await cadre.goto(`/m/study/courses/${course.id}`)
    await expect(cadre.getByTestId('course-player')).toBeVisible({ timeout: 30_000 })
    // Drawn in the page by pdf.js (phones show no PDF in a frame): one page, on a canvas as wide as the screen.
    const pages = cadre.getByTestId('pdf-pages')
    await expect(pages).toHaveAttribute('data-pages', '1', { timeout: 30_000 })
    await expect.poll(async () => (await pages.locator('canvas').first().boundingBox())?.width ?? 0).toBeGreaterThan(300)
    const served = await cadre.request.get(`/api/v1/me/study/courses/${course.id}/document`)
    expect(served.status()).toBe(200)
    expect(served.headers()['x-frame-options']).toBe('DENY') // drawn by the player, never framed
    expect((await served.body()).equals(pdf)).toBe(true)
    await screenshot(cadre, 'courses-document-player')
    await phone.close()
  })

  test('a cadre writes a reading note and the organiser marks it excellent', async ({ browser, page }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string
    const phone = await browser.newContext({ ...PHONE, baseURL })
    const cadre = await phone.newPage()
    await signIn(cadre, 'cadre01')
    const mine = await json<{ items: { id: number; status: string; my_note: { excellent: boolean } | null }[] }>(cadre, '/api/v1/me/study/readings')
    const open = mine.items.find((r) => r.status === 'open' && !r.my_note?.excellent)
    test.skip(!open, 'the demo has no open reading activity for cadre01')
    await cadre.goto('/m/study/readings')
    await cadre.getByTestId(`my-reading-${open!.id}`).click()
    await expect(cadre.getByTestId('reading-note')).toBeVisible()
    const note = `e2e 读书笔记 ${Date.now()}：通读全书，体会到学思用贯通、知信行统一的要求，要落实到本职工作中。`
    await cadre.getByTestId('note-content').locator('textarea').fill(note)
    const saved = cadre.waitForResponse((r) => r.url().includes(`/me/study/readings/${open!.id}/note`))
    await cadre.getByTestId('note-submit').click()
    const written = (await (await saved).json()) as { id: number }
    await expect(cadre.getByTestId('note-submit')).toContainText('保存修改')
    await screenshot(cadre, 'readings-note')

    await page.setViewportSize({ width: 1440, height: 900 })
    await signIn(page, 'admin')
    await page.goto('/study/readings')
    await page.getByTestId(`reading-notes-${open!.id}`).click()
    const drawer = page.getByTestId('reading-notes')
    await expect(drawer).toContainText(note.slice(0, 20))
    await drawer.getByTestId(`note-mark-${written.id}`).click()
    await expect(drawer.getByTestId(`note-mark-${written.id}`)).toBeHidden()
    await screenshot(page, 'readings-console')
    await cadre.reload()
    await expect(cadre.getByTestId('reading-note')).toContainText('优秀笔记')
    await phone.close()
  })
})
