// 规则调整模拟: a draft of changes to current rules, the body of the what-if request built from it, and the same draft
// turned into the edits that make it real (a new version of each rule, or its retirement).
import type { Mover, Rule, RuleChange, RuleInput } from '../api/points'
import { t } from '../i18n'
import { ruleBody } from './catalog'
import { signed } from './labels'

export const CAPS = ['cap_day', 'cap_month', 'cap_year'] as const
export type Cap = (typeof CAPS)[number]

/** One row of the draft: a current rule and what should change; null means "as it is". */
export interface DraftChange {
  rule: Rule
  points: number | null
  cap_day: number | null
  cap_month: number | null
  cap_year: number | null
  retire: boolean
}

export function newDraft(rule: Rule): DraftChange {
  return { rule, points: null, cap_day: null, cap_month: null, cap_year: null, retire: false }
}

/** What the row really changes: only values that differ from the rule; null when nothing does. */
export function changeOf(d: DraftChange): RuleChange | null {
  if (d.retire) return { rule_code: d.rule.code, retire: true }
  const change: RuleChange = { rule_code: d.rule.code }
  if (d.points != null && d.points !== d.rule.points) change.points = d.points
  for (const cap of CAPS) {
    const value = d[cap]
    if (value != null && value !== d.rule[cap]) change[cap] = value
  }
  return Object.keys(change).length > 1 ? change : null
}

/** The `changes` of POST /points/simulations. */
export function simulationChanges(drafts: readonly DraftChange[]): RuleChange[] {
  return drafts.map(changeOf).filter((c): c is RuleChange => c !== null)
}

/** What is wrong with a row, in words, or null (the server's limits: points −100..100 and not 0, caps 1..1000). */
export function draftProblem(d: DraftChange): string | null {
  if (d.retire) return null
  if (d.points != null && (d.points === 0 || d.points < -100 || d.points > 100)) return t('simulation.pointsRange')
  for (const cap of CAPS) {
    const value = d[cap]
    if (value != null && (value < 1 || value > 1000)) return t('simulation.capRange')
  }
  if (!changeOf(d)) return t('simulation.noChange', { name: d.rule.name })
  return null
}

const capName = (cap: Cap) => t(`pointsRules.${cap === 'cap_day' ? 'capDay' : cap === 'cap_month' ? 'capMonth' : 'capYear'}`)
const capValue = (v: number | null) => (v == null ? t('simulation.noCap') : t('points.value', { points: v }))

/** The row's changes in words: "分值 +1 → +2", "每日上限 不设 → 3 分", "停用". */
export function changeLines(d: DraftChange): string[] {
  const change = changeOf(d)
  if (!change) return []
  if (change.retire) return [t('simulation.retireLine')]
  const lines: string[] = []
  if (change.points != null) lines.push(t('simulation.line', { what: t('pointsRules.points'), from: signed(d.rule.points), to: signed(change.points) }))
  for (const cap of CAPS) {
    const value = change[cap]
    if (value != null) lines.push(t('simulation.line', { what: capName(cap), from: capValue(d.rule[cap]), to: capValue(value) }))
  }
  return lines
}

/** One call that applies a row: a new version through PUT /points/rules/{id}, or POST …/retire. */
export type ApplyStep =
  | { kind: 'retire'; rule: Rule; lines: string[] }
  | { kind: 'revise'; rule: Rule; body: Omit<RuleInput, 'code'>; lines: string[] }

/** The calls that make the draft real; rows that change nothing are left out. The rest of each rule stays as it is. */
export function applySteps(drafts: readonly DraftChange[]): ApplyStep[] {
  const steps: ApplyStep[] = []
  for (const d of drafts) {
    const change = changeOf(d)
    if (!change) continue
    const lines = changeLines(d)
    if (change.retire) {
      steps.push({ kind: 'retire', rule: d.rule, lines })
      continue
    }
    const r = d.rule
    const body = ruleBody({
      ...r,
      points: change.points ?? r.points,
      cap_day: change.cap_day ?? r.cap_day,
      cap_month: change.cap_month ?? r.cap_month,
      cap_year: change.cap_year ?? r.cap_year,
    })
    steps.push({ kind: 'revise', rule: r, body, lines })
  }
  return steps
}

/** Places gained (positive) or lost (negative) in the ranking of the people simulated. */
export function rankMove(m: Pick<Mover, 'rank_before' | 'rank_after'>): number {
  return m.rank_before - m.rank_after
}

/** The period choices of the panel: [from, to] for the Beijing date `today`; each stays within one year. */
export function periodRanges(today: string): { key: 'thisYear' | 'lastMonth' | 'lastQuarter' | 'lastYear'; range: [string, string] }[] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  const pad = (n: number) => String(n).padStart(2, '0')
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
  const month = (year: number, mo: number): [string, string] => [`${year}-${pad(mo)}-01`, `${year}-${pad(mo)}-${pad(lastDay(year, mo))}`]
  const [lmY, lm] = m === 1 ? [y - 1, 12] : [y, m - 1]
  const q = Math.floor((m - 1) / 3) + 1
  const [lqY, lq] = q === 1 ? [y - 1, 4] : [y, q - 1]
  const qFirst = (lq - 1) * 3 + 1
  return [
    { key: 'thisYear', range: [`${y}-01-01`, today] },
    { key: 'lastMonth', range: month(lmY, lm) },
    { key: 'lastQuarter', range: [month(lqY, qFirst)[0], month(lqY, qFirst + 2)[1]] },
    { key: 'lastYear', range: [`${y - 1}-01-01`, `${y - 1}-12-31`] },
  ]
}

/** Why a period cannot be simulated, or null: both dates, in order, in one year, not after today. */
export function rangeProblem(range: [string, string] | null, today: string): string | null {
  if (!range || !range[0] || !range[1]) return t('simulation.periodRequired')
  const [from, to] = range
  if (to < from) return t('simulation.periodOrder')
  if (from.slice(0, 4) !== to.slice(0, 4)) return t('simulation.periodYear')
  if (to > today) return t('simulation.periodFuture')
  return null
}
