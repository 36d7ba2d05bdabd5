// The record as both shells show it: the names of categories, sources and states in the user's language, the tag of
// each state, entries grouped by category for the timeline, what the person may still do with an entry, and periods.
import { t } from '../i18n'
import '../i18n/record'
import { CATEGORIES, type Category, type EntryState, type LeaderComment, type RecordEntry } from '../api/record'

export const categoryLabel = (c: string): string => t(`record.category.${c}`)
export const sourceLabel = (s: string): string => t(`record.source.${s}`)
export const entryStateLabel = (s: string): string => t(`record.state.${s}`)

/** Element Plus and Vant share these tag types (Vant maps info to default). */
export const ENTRY_TAG: Record<EntryState, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  pending: 'warning',
  confirmed: 'success',
  rejected: 'info',
  contested: 'danger',
  withdrawn: 'info',
}

/** The source as one line: 群众反映 · 社区网格员 张红梅. */
export function sourceLine(e: Pick<RecordEntry, 'source_kind' | 'source_name'>): string {
  return e.source_name ? `${sourceLabel(e.source_kind)} · ${e.source_name}` : sourceLabel(e.source_kind)
}

/** Entries by category in the catalogue's order, each group latest fact first; empty categories left out. */
export function byCategory(entries: RecordEntry[]): { category: Category; entries: RecordEntry[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    entries: entries.filter((e) => e.category === category).sort((a, b) => b.fact_date.localeCompare(a.fact_date) || b.id - a.id),
  })).filter((g) => g.entries.length > 0)
}

/** A confirmed entry from someone else, never contested before, can be contested by the person. */
export function canContest(e: RecordEntry): boolean {
  return e.state === 'confirmed' && e.source_kind !== 'self' && e.resolution === null
}

/** The periods a comment may be written for: this year and its halves, and the five years before. */
export function commentPeriods(today: string): string[] {
  const year = Number(today.slice(0, 4))
  const out: string[] = []
  for (let y = year; y > year - 6; y--) out.push(String(y), `${y}H2`, `${y}H1`)
  return out
}

/** 2026 → 2026年度, 2026H1 → 2026年上半年 (in the user's language). */
export function periodName(period: string): string {
  const year = period.slice(0, 4)
  if (period.endsWith('H1')) return t('record.periodH1', { year })
  if (period.endsWith('H2')) return t('record.periodH2', { year })
  return t('record.periodYear', { year })
}

/** The current comment of each period, latest period first, with how many earlier versions it replaced. */
export function currentComments(all: LeaderComment[]): { comment: LeaderComment; earlier: LeaderComment[] }[] {
  return all
    .filter((c) => c.current)
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((comment) => ({
      comment,
      earlier: all.filter((c) => !c.current && c.period === comment.period).sort((a, b) => b.version - a.version),
    }))
}
