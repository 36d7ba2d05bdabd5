// Deadlines of development cases: red when missed, yellow when due within 30 days (the server decides which). The
// words and colours both shells use, and the order of the to-do list.
import { t } from '../i18n'
import type { CaseSummary, Warning, WarningLevel } from '../api/party'
import { warningKindLabel } from './steps'

/** Element Plus tag types and Vant tag types happen to share these names. */
export const LEVEL_TAG: Record<WarningLevel, 'danger' | 'warning'> = { overdue: 'danger', due_soon: 'warning' }

/** The colours of the levels (the platform's red, Element's warning yellow) for borders and dots. */
export const LEVEL_COLOUR: Record<WarningLevel | 'none', string> = { overdue: '#c8161d', due_soon: '#e6a23c', none: '#c0c4cc' }

export const levelLabel = (level: WarningLevel | null | undefined): string => (level ? t(`party.level.${level}`) : t('party.level.none'))

/** "已逾期 12 天", "今天到期", "还剩 5 天". */
export function daysText(daysLeft: number): string {
  if (daysLeft < 0) return t('party.days.overdue', { n: -daysLeft })
  if (daysLeft === 0) return t('party.days.today')
  return t('party.days.left', { n: daysLeft })
}

/** Whole days from `today` to `date` (both YYYY-MM-DD), negative when `date` is past. */
export function daysBetween(today: string, date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)
  return Math.round(ms / 86_400_000)
}

export type WarningSortKey = 'due' | 'level' | 'person_name' | 'kind' | 'step_no'
export type SortOrder = 'ascending' | 'descending'

const LEVEL_RANK: Record<WarningLevel, number> = { overdue: 0, due_soon: 1 }

/**
 * The list in the chosen order; ties keep the most urgent first (earliest due), then the name. Matters sort by their
 * name as shown. The default, by due
 * date ascending, is the server's order: the most urgent on top.
 */
export function sortWarnings(rows: readonly Warning[], key: WarningSortKey = 'due', order: SortOrder = 'ascending'): Warning[] {
  const sign = order === 'descending' ? -1 : 1
  const primary = (a: Warning, b: Warning): number => {
    switch (key) {
      case 'level':
        return LEVEL_RANK[a.level] - LEVEL_RANK[b.level]
      case 'person_name':
        return a.person_name.localeCompare(b.person_name, 'zh-CN')
      case 'kind':
        return warningKindLabel(a.kind).localeCompare(warningKindLabel(b.kind), 'zh-CN')
      case 'step_no':
        return a.step_no - b.step_no
      default:
        return a.due.localeCompare(b.due)
    }
  }
  return [...rows].sort((a, b) => sign * primary(a, b) || a.due.localeCompare(b.due) || a.person_name.localeCompare(b.person_name, 'zh-CN'))
}

export interface WarningCounts {
  overdue: number
  due_soon: number
}

export function countLevels(rows: readonly { level: WarningLevel }[]): WarningCounts {
  const out: WarningCounts = { overdue: 0, due_soon: 0 }
  for (const r of rows) out[r.level] += 1
  return out
}

/** Cases of the board grouped by stage (1–5), the most urgent first within a stage, then by name. */
export function casesByStage(cases: readonly CaseSummary[]): Map<number, CaseSummary[]> {
  const rank = (c: CaseSummary) => (c.warning_level ? LEVEL_RANK[c.warning_level] : 2)
  const out = new Map<number, CaseSummary[]>([1, 2, 3, 4, 5].map((s) => [s, []]))
  for (const c of cases) out.get(Math.min(5, Math.max(1, c.stage)))!.push(c)
  for (const list of out.values())
    list.sort((a, b) => rank(a) - rank(b) || (a.next_step?.due ?? '9').localeCompare(b.next_step?.due ?? '9') || a.person_name.localeCompare(b.person_name, 'zh-CN'))
  return out
}
