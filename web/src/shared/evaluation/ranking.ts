// The rater's list on the phone or PC: reordering by drag (or the arrow buttons), the ranks that follow from the
// order, and what still stops a submission. Pure, so that the list's behaviour is tested without a browser.
import type { TaskItem } from '../api/evaluation'

export interface Row {
  ratee_id: number
  name: string
  unit_name: string
  line_name: string
  /** The score as typed; '' while empty. */
  score: string
}

/** The list with `from` moved to `to` (both indexes into the list); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list]
  const out = [...list]
  const [item] = out.splice(from, 1)
  out.splice(to, 0, item)
  return out
}

/**
 * Where a row dragged with the pointer at `y` belongs: the index of the row whose box holds y, clamped to the list.
 * `tops` are the rows' top edges in order, `bottom` the last row's bottom edge.
 */
export function dropIndex(tops: readonly number[], bottom: number, y: number): number {
  if (tops.length === 0) return 0
  if (y < tops[0]) return 0
  if (y >= bottom) return tops.length - 1
  let i = 0
  while (i + 1 < tops.length && y >= tops[i + 1]) i++
  return i
}

/** Rows in the rater's last order (ranked first), with the scores given so far. */
export function rowsOf(items: readonly TaskItem[]): Row[] {
  return [...items]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((i) => ({ ratee_id: i.ratee_id, name: i.name, unit_name: i.unit_name, line_name: i.line_name, score: i.score === null ? '' : String(i.score) }))
}

/** A score is a whole number from 0 to 100. */
export function validScore(text: string): boolean {
  return /^\d{1,3}$/.test(text.trim()) && Number(text) <= 100
}

/** The indexes of rows whose score is missing or not 0–100. */
export function scoreProblems(rows: readonly Row[]): number[] {
  return rows.flatMap((r, i) => (validScore(r.score) ? [] : [i]))
}

/** The submission: rank = place in the list (1 first), so ranks never tie. */
export function submission(rows: readonly Row[], ranked: boolean): { ratee_id: number; score: number; rank?: number }[] {
  return rows.map((r, i) => (ranked ? { ratee_id: r.ratee_id, score: Number(r.score), rank: i + 1 } : { ratee_id: r.ratee_id, score: Number(r.score) }))
}

/**
 * Places where the order contradicts the scores: a cadre ranked above another with a lower score. Shown as a hint
 * (the rater may mean it), never refused.
 */
export function orderHints(rows: readonly Row[]): number[] {
  const out: number[] = []
  for (let i = 1; i < rows.length; i++) {
    const above = rows[i - 1].score, here = rows[i].score
    if (validScore(above) && validScore(here) && Number(here) > Number(above)) out.push(i)
  }
  return out
}
