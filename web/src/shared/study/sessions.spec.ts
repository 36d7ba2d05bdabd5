import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/error'
import {
  beijingToUtc,
  canCheckIn,
  canScanInPage,
  checkinProblem,
  checkinProblemText,
  checkinUrl,
  defaultTimes,
  pending,
  percent,
  secondsToNextCode,
  sessionBody,
  sessionErrors,
  sessionHours,
  sessionPhase,
  sessionTimeRange,
  tokenFromScan,
  utcToBeijing,
  type SessionDraft,
} from './sessions'

describe('Beijing time in, UTC out', () => {
  it.each([
    ['2026-11-29 19:00:00', '2026-11-29T11:00:00Z'],
    ['2026-11-29 19:00', '2026-11-29T11:00:00Z'],
    ['2026-11-30 07:30:00', '2026-11-29T23:30:00Z'], // the early morning is the day before in UTC
    ['2027-01-01 00:00:00', '2026-12-31T16:00:00Z'],
    ['', ''],
    ['tomorrow', ''],
  ])('%s (Beijing) → %s', (beijing, utc) => {
    expect(beijingToUtc(beijing)).toBe(utc)
  })

  it('the server’s UTC comes back as the pickers hold it, and round-trips', () => {
    expect(utcToBeijing('2026-11-29T23:30:00Z')).toBe('2026-11-30 07:30:00')
    expect(beijingToUtc(utcToBeijing('2026-11-29T11:00:00Z'))).toBe('2026-11-29T11:00:00Z')
  })

  it('a new session starts at the next half hour and lasts an hour and a half', () => {
    expect(defaultTimes(new Date('2026-11-29T10:47:12Z'))).toEqual({ starts: '2026-11-29 19:00:00', ends: '2026-11-29 20:30:00' })
    expect(defaultTimes(new Date('2026-11-29T11:00:00Z'))).toEqual({ starts: '2026-11-29 19:00:00', ends: '2026-11-29 20:30:00' })
  })
})

describe('times as shown', () => {
  it.each([
    ['2026-11-29T11:00:00Z', '2026-11-29T12:30:00Z', '2026-11-29 19:00–20:30', '19:00–20:30'],
    ['2026-11-29T15:00:00Z', '2026-11-29T17:00:00Z', '2026-11-29 23:00 至 2026-11-30 01:00', '2026-11-29 23:00 至 2026-11-30 01:00'],
  ])('%s – %s', (starts_at, ends_at, range, hours) => {
    expect(sessionTimeRange({ starts_at, ends_at })).toBe(range)
    expect(sessionHours({ starts_at, ends_at })).toBe(hours)
  })
})

describe('where a session stands', () => {
  const s = { starts_at: '2026-11-29T11:00:00Z', ends_at: '2026-11-29T12:30:00Z', status: 'open' as const }
  it.each([
    ['2026-11-29T10:29:59Z', 'upcoming', false],
    ['2026-11-29T10:30:00Z', 'checkinOpen', true], // check-in opens 30 minutes before the start
    ['2026-11-29T11:00:00Z', 'ongoing', true],
    ['2026-11-29T12:30:00Z', 'ongoing', true],
    ['2026-11-29T12:30:01Z', 'over', false],
  ])('at %s: %s (check-in %s)', (now, phase, open) => {
    expect(sessionPhase(s, new Date(now))).toBe(phase)
    expect(canCheckIn(s, new Date(now))).toBe(open)
  })

  it('a closed or cancelled session takes no check-in whatever the time', () => {
    expect(canCheckIn({ ...s, status: 'closed' }, new Date('2026-11-29T11:10:00Z'))).toBe(false)
    expect(canCheckIn({ ...s, status: 'cancelled' }, new Date('2026-11-29T11:10:00Z'))).toBe(false)
  })

  it('counts who is still expected', () => {
    expect(pending({ expected: 12, present: 5, late: 2, excused: 1, absent: 0 })).toBe(4)
    expect(pending({ expected: 0, present: 5, late: 0, excused: 0, absent: 0 })).toBe(0) // city-wide
  })
})

describe('the countdown to the next code', () => {
  // valid_until is the end of the next period: the current one ends 30 s earlier.
  const validUntil = '2026-11-29T11:01:00Z'
  it.each([
    ['2026-11-29T11:00:00.000Z', 30],
    ['2026-11-29T11:00:10.000Z', 20],
    ['2026-11-29T11:00:10.400Z', 20], // whole seconds, rounded up
    ['2026-11-29T11:00:29.900Z', 1],
    ['2026-11-29T11:00:30.000Z', 0],
    ['2026-11-29T11:00:45.000Z', 0], // late: never negative
    ['2026-11-29T10:59:00.000Z', 30], // a slow clock: never more than a period
  ])('at %s: %i s', (now, seconds) => {
    expect(secondsToNextCode(validUntil, 30, new Date(now))).toBe(seconds)
  })

  it('an unreadable time counts as due', () => {
    expect(secondsToNextCode('soon', 30, new Date())).toBe(0)
  })
})

describe('rates', () => {
  it.each([
    [0.875, '87.5%'],
    [1, '100%'],
    [0, '0%'],
    [2 / 3, '66.7%'],
    [null, '—'],
  ])('%s → %s', (rate, text) => {
    expect(percent(rate)).toBe(text)
  })
})

describe('the session form', () => {
  const draft = (over: Partial<SessionDraft> = {}): SessionDraft => ({
    audience: 'group',
    group_id: 4,
    node_id: null,
    title: ' 周二夜学 ',
    starts: '2026-11-29 19:00:00',
    ends: '2026-11-29 20:30:00',
    place: ' 机关三楼会议室 ',
    online_url: '',
    late_after_minutes: 10,
    ...over,
  })

  it('sends the audience, trimmed texts and UTC times, leaving out what is empty', () => {
    expect(sessionErrors(draft(), true)).toEqual({})
    expect(sessionBody(draft())).toEqual({
      audience: 'group',
      group_id: 4,
      title: '周二夜学',
      starts_at: '2026-11-29T11:00:00Z',
      ends_at: '2026-11-29T12:30:00Z',
      place: '机关三楼会议室',
      late_after_minutes: 10,
    })
    expect(sessionBody(draft({ audience: 'unit', node_id: 12, group_id: 4, place: '', online_url: 'https://meeting.example/123' }))).toEqual({
      audience: 'unit',
      node_id: 12,
      title: '周二夜学',
      starts_at: '2026-11-29T11:00:00Z',
      ends_at: '2026-11-29T12:30:00Z',
      online_url: 'https://meeting.example/123',
      late_after_minutes: 10,
    })
  })

  it.each([
    [{ group_id: null }, true, { group_id: '请选择学习小组' }],
    [{ group_id: null }, false, {}], // editing keeps the audience
    [{ audience: 'unit' as const, node_id: null }, true, { node_id: '请选择单位' }],
    [{ title: '  ' }, true, { title: '请填写学习主题' }],
    [{ ends: '2026-11-29 19:00:00' }, true, { ends_at: '结束时间应晚于开始时间' }],
    [{ ends: '2026-11-30 19:00:01' }, true, { ends_at: '一次学习活动不超过 24 小时' }],
    [{ starts: '' }, true, { starts_at: '请选择开始时间' }],
    [{ place: '', online_url: '' }, true, { place: '请填写学习地点或线上链接' }],
    [{ online_url: 'meeting.example/123' }, true, { online_url: '线上链接应以 http:// 或 https:// 开头' }],
  ])('%j (creating: %s) → %j', (over, creating, errors) => {
    expect(sessionErrors(draft(over), creating)).toEqual(errors)
  })
})

describe('the check-in link', () => {
  const origin = 'https://xinhuo.example.gov.cn'
  it('is the origin and the server’s path', () => {
    expect(checkinUrl(`${origin}/`, '/m/study/checkin?t=8.1.abc')).toBe(`${origin}/m/study/checkin?t=8.1.abc`)
    expect(checkinUrl(origin, 'm/study/checkin?t=8.1.abc')).toBe(`${origin}/m/study/checkin?t=8.1.abc`)
  })

  it.each([
    [`${origin}/m/study/checkin?t=8.1.abc`, '8.1.abc'],
    ['/m/study/checkin?t=8.1.abc', '8.1.abc'],
    [`  ${origin}/m/study/checkin?t=8.1.abc  `, '8.1.abc'],
    ['https://elsewhere.example/m/study/checkin?t=8.1.abc', null], // another site's link
    [`${origin}/m/points`, null],
    [`${origin}/m/study/checkin`, null],
    ['wxp://f2f0payment', null],
    [`${origin}/m/study/checkin?t=${'x'.repeat(101)}`, null],
  ])('a scan of %s gives %s', (text, token) => {
    expect(tokenFromScan(text, origin)).toBe(token)
  })
})

describe('scanning in the page', () => {
  const camera = { mediaDevices: { getUserMedia: () => undefined } }
  class Detector {}
  it.each([
    [{ BarcodeDetector: Detector, navigator: camera, isSecureContext: true }, true],
    [{ navigator: camera, isSecureContext: true }, false], // Safari, WeChat's browser: the phone's camera instead
    [{ BarcodeDetector: Detector, navigator: {}, isSecureContext: true }, false],
    [{ BarcodeDetector: Detector, navigator: camera, isSecureContext: false }, false], // plain http
  ])('%#: %s', (env, can) => {
    expect(canScanInPage(env)).toBe(can)
  })
})

describe('a refused check-in', () => {
  const error = (status: number, code: string) => new ApiError({ status, code, message: `server: ${code}` })
  it.each([
    [error(400, 'qr_expired'), 'expired', '二维码已过期'],
    [error(400, 'invalid_token'), 'invalid', '二维码无效'],
    [error(400, 'validation_failed'), 'invalid', '二维码无效'],
    [error(409, 'session_closed'), 'closed', '学习活动已结束'],
    [error(409, 'not_started'), 'notStarted', '签到尚未开始'],
    [error(409, 'session_ended'), 'ended', '签到已结束'],
    [error(403, 'not_in_audience'), 'notInAudience', '您不在本次学习的参加范围内'],
    [error(403, 'no_person'), 'noPerson', '此账号未关联人员档案，不能签到'],
    [error(0, 'network_error'), 'network', '网络异常，签到未完成'],
    [error(0, 'timeout'), 'network', '网络异常，签到未完成'],
  ])('%s → %s', (err, problem, title) => {
    const kind = checkinProblem(err)
    expect(kind).toBe(problem)
    const text = checkinProblemText(kind)
    expect(text.title).toBe(title)
    expect(text.hint).not.toBe('')
  })

  it('anything else shows the server’s own words', () => {
    const kind = checkinProblem(error(500, 'internal'))
    expect(kind).toBe('failed')
    expect(checkinProblemText(kind, '服务器内部错误')).toEqual({ title: '签到未完成', hint: '服务器内部错误' })
    expect(checkinProblem(new Error('boom'))).toBe('failed')
  })
})
