// The rules the builder and the answering page apply before the server checks them again: which questions a
// respondent sees given the answers so far (skips only forward), what is still missing, and the builder's edits that
// must keep every skip pointing forward to a question that exists.
import type { AnswerInput, Question, QuestionKind, SurveyOption } from './api'

/** What the respondent has chosen or written so far, by question id. */
export interface Draft {
  [questionId: string]: { options: string[]; value: number | null; text: string }
}

export function emptyDraft(questions: Question[]): Draft {
  const d: Draft = {}
  for (const q of questions) d[q.id] = { options: [], value: null, text: '' }
  return d
}

/** The ids of the questions on the respondent's path: each to the next, or where a chosen single option skips to. */
export function visiblePath(questions: Question[], draft: Draft): string[] {
  const path: string[] = []
  let i = 0
  while (i < questions.length) {
    const q = questions[i]!
    path.push(q.id)
    let skip = ''
    if (q.kind === 'single') {
      const chosen = draft[q.id]?.options ?? []
      if (chosen.length === 1) skip = q.options?.find((o) => o.id === chosen[0])?.skip_to ?? ''
    }
    if (skip === 'end') break
    if (!skip) {
      i += 1
      continue
    }
    let next = i + 1
    while (next < questions.length && questions[next]!.id !== skip) next += 1
    i = next
  }
  return path
}

export function isAnswered(q: Question, draft: Draft): boolean {
  const a = draft[q.id]
  if (!a) return false
  if (q.kind === 'single' || q.kind === 'multiple') return a.options.length > 0
  if (q.kind === 'scale') return a.value !== null
  return a.text.trim() !== ''
}

/** The first required question on the path left unanswered, or a text over its limit: its id, else null. */
export function firstProblem(questions: Question[], draft: Draft): { id: string; reason: 'required' | 'too_long' } | null {
  const path = new Set(visiblePath(questions, draft))
  for (const q of questions) {
    if (!path.has(q.id)) continue
    if (q.required && !isAnswered(q, draft)) return { id: q.id, reason: 'required' }
    if (q.kind === 'text' && [...(draft[q.id]?.text ?? '')].length > (q.max_length ?? 500)) return { id: q.id, reason: 'too_long' }
  }
  return null
}

/** The answers to send: only the questions on the path that were answered (a skipped one must not be). */
export function answersToSend(questions: Question[], draft: Draft): AnswerInput[] {
  const path = new Set(visiblePath(questions, draft))
  const out: AnswerInput[] = []
  for (const q of questions) {
    if (!path.has(q.id) || !isAnswered(q, draft)) continue
    const a = draft[q.id]!
    if (q.kind === 'single' || q.kind === 'multiple') out.push({ question_id: q.id, option_ids: [...a.options] })
    else if (q.kind === 'scale') out.push({ question_id: q.id, value: a.value! })
    else out.push({ question_id: q.id, text: a.text.trim() })
  }
  return out
}

// ---- the builder

let counter = 0
/** A fresh id not used by any of `taken`. */
export function freshId(prefix: string, taken: string[]): string {
  let id = ''
  do id = `${prefix}${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`
  while (taken.includes(id))
  return id
}

export function newQuestion(kind: QuestionKind, taken: string[], labels: { option: (n: number) => string }): Question {
  const q: Question = { id: freshId('q', taken), kind, title: '', required: true }
  if (kind === 'single' || kind === 'multiple') {
    const a = freshId('o', [])
    const b = freshId('o', [a])
    q.options = [
      { id: a, label: labels.option(1), skip_to: null },
      { id: b, label: labels.option(2), skip_to: null },
    ]
  }
  if (kind === 'scale') Object.assign(q, { scale_min: 1, scale_max: 5, min_label: '', max_label: '' })
  if (kind === 'text') Object.assign(q, { required: false, max_length: 500 })
  return q
}

/** Where an option of question `index` may skip to: the later questions and the end. */
export function skipTargets(questions: Question[], index: number): { value: string; question?: Question }[] {
  return [...questions.slice(index + 1).map((q) => ({ value: q.id, question: q })), { value: 'end' }]
}

/** Clears skips that no longer point forward to an existing question (after a move or a removal); returns how many. */
export function repairSkips(questions: Question[]): number {
  let cleared = 0
  questions.forEach((q, i) => {
    for (const o of q.options ?? []) {
      if (!o.skip_to || o.skip_to === 'end') continue
      const target = questions.findIndex((x) => x.id === o.skip_to)
      if (q.kind !== 'single' || target <= i) {
        o.skip_to = null
        cleared += 1
      }
    }
  })
  return cleared
}

export function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return
  const [item] = list.splice(from, 1)
  list.splice(to, 0, item!)
}

export function addOption(q: Question, label: string): SurveyOption {
  const o = { id: freshId('o', (q.options ?? []).map((x) => x.id)), label, skip_to: null }
  q.options = [...(q.options ?? []), o]
  return o
}
