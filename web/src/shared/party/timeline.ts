// A development file as a timeline: every step done (with its date and who entered it), the next one with its
// earliest and due dates, the rest still to come. Steps 22–24 appear once per attempt: an extended probation runs
// the conversion again.
import { t } from '../i18n'
import type { DevelopmentCase, NextStep, StepRecord } from '../api/party'
import { stageOf, STEP_COUNT } from './steps'
import { daysBetween } from './warnings'

/** done: recorded; next: the one to record now; pending: later; closed: never reached (the case ended). */
export type RowState = 'done' | 'next' | 'pending' | 'closed'

export interface TimelineRow {
  key: string
  step_no: number
  attempt: number
  stage: number
  state: RowState
  record?: StepRecord
  earliest?: string | null
  due?: string | null
}

const CONVERSION = [22, 23, 24]

/** Position in the file: steps 1–21, then each attempt of 22–24, then 25. */
function order(stepNo: number, attempt: number): number {
  if (stepNo < 22) return stepNo
  if (stepNo === 25) return 10_000
  return 22 + (attempt - 1) * 3 + (stepNo - 22)
}

export function timeline(c: Pick<DevelopmentCase, 'status' | 'steps' | 'next_step'>): TimelineRow[] {
  const next = c.status === 'active' ? c.next_step : null
  const recorded = new Map(c.steps.map((s) => [`${s.step_no}:${s.attempt}`, s]))
  const waiting: RowState = c.status === 'active' ? 'pending' : 'closed'
  const row = (stepNo: number, attempt: number): TimelineRow => {
    const record = recorded.get(`${stepNo}:${attempt}`)
    const base = { key: `${stepNo}:${attempt}`, step_no: stepNo, attempt, stage: stageOf(stepNo) }
    if (record) return { ...base, state: 'done', record }
    if (next && next.step_no === stepNo && next.attempt === attempt) return { ...base, state: 'next', earliest: next.earliest, due: next.due }
    return { ...base, state: waiting }
  }
  const attempts = Math.max(1, ...c.steps.filter((s) => CONVERSION.includes(s.step_no)).map((s) => s.attempt), next && CONVERSION.includes(next.step_no) ? next.attempt : 1)
  const rows: TimelineRow[] = []
  for (let no = 1; no <= STEP_COUNT; no++) {
    if (CONVERSION.includes(no)) continue
    // Step 25 and the steps before 22 happen once; a record's own attempt is kept as the server has it.
    const done = c.steps.find((s) => s.step_no === no)
    rows.push(done ? { key: `${no}:${done.attempt}`, step_no: no, attempt: done.attempt, stage: stageOf(no), state: 'done', record: done } : row(no, 1))
  }
  for (let a = 1; a <= attempts; a++) for (const no of CONVERSION) rows.push(row(no, a))
  return rows.sort((x, y) => order(x.step_no, x.attempt) - order(y.step_no, y.attempt))
}

/** How many of the 25 steps are done (a repeated conversion step counts once). */
export function doneCount(c: Pick<DevelopmentCase, 'steps'>): number {
  return new Set(c.steps.map((s) => s.step_no)).size
}

export type NextState = 'wait' | 'open' | 'due' | 'overdue'

/**
 * When the next step may or must happen, in words: "最早 2026-03-01 可进行" while its earliest date is still to come;
 * "应于 2026-03-01 前完成" (overdue: "已逾期 N 天") when it has a deadline; else "可以进行", with "（不早于 …）" when a
 * time rule sets a first day later than the last recorded step (`lastDate`; the server's earliest is never before it,
 * so that day alone says nothing).
 */
export function nextWhen(next: Pick<NextStep, 'earliest' | 'due'>, today: string, lastDate = ''): { state: NextState; text: string } {
  if (next.earliest && next.earliest > today) return { state: 'wait', text: t('party.next.wait', { date: next.earliest }) }
  if (next.due) {
    const left = daysBetween(today, next.due)
    if (left < 0) return { state: 'overdue', text: t('party.next.overdue', { date: next.due, n: -left }) }
    return { state: left <= 30 ? 'due' : 'open', text: t('party.next.due', { date: next.due }) }
  }
  const ruled = next.earliest && lastDate && next.earliest > lastDate
  return { state: 'open', text: ruled ? t('party.next.openSince', { date: next.earliest }) : t('party.next.open') }
}

/** The latest date among the recorded steps ('' for none). */
export function lastStepDate(c: Pick<DevelopmentCase, 'steps'>): string {
  return c.steps.reduce((last, s) => (s.date > last ? s.date : last), '')
}
