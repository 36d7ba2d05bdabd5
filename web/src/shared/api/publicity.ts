// Publicity (公示) of a period's points ranking to a unit or branch for some days, and members' appeals (申诉) while
// it is open. The published list is a snapshot: entries booked later do not change it. The server checks every
// permission and data scope.
import { get, post } from './client'

export type PublicityStatus = 'open' | 'closed'
export const APPEAL_DECISIONS = ['upheld', 'dismissed'] as const
export type AppealDecision = (typeof APPEAL_DECISIONS)[number]
export type AppealStatus = 'open' | AppealDecision

/** Days a publicity lasts: 1..30, 7 unless said otherwise. */
export const PUBLICITY_DAYS = { min: 1, max: 30, default: 7 } as const

/** One row of the published ranking. */
export interface PublicityRow {
  rank: number
  person_id: number
  name: string
  branch_name: string | null
  points: number
}

export interface Appeal {
  id: number
  publicity_id: number
  publicity_title: string
  person_id: number
  person_name: string
  reason: string
  status: AppealStatus
  created_at: string
  handled_by: string | null
  handled_at: string | null
  /** The written answer, once handled. */
  result: string | null
}

export interface Publicity {
  id: number
  node_id: number
  node_name: string
  /** 2026, 2026-Q4 or 2026-11. */
  period: string
  title: string
  /** Beijing dates, both days included. */
  starts_on: string
  ends_on: string
  status: PublicityStatus
  /** How many people the list holds. */
  people: number
  published_by: string
  published_at: string
  closed_by: string | null
  closed_at: string | null
  closing_note: string | null
  open_appeals: number
  /** In the detail and in a member's own list. */
  rows?: PublicityRow[]
  /** In the detail only. */
  appeals?: Appeal[]
}

export interface PublishInput {
  node_id: number
  period: string
  days?: number
  title?: string
}

/** The body of POST /points/publicities: the title trimmed and left out when empty (the server names it then). */
export function publishBody(input: { node_id: number; period: string; days: number; title: string }): PublishInput {
  const body: PublishInput = { node_id: input.node_id, period: input.period, days: input.days }
  const title = input.title.trim()
  if (title) body.title = title
  return body
}

const id = (n: number) => encodeURIComponent(String(n))

// ---- managers (points.read to look, points.approve to publish, answer and close)
// The dialogs show refusals inline, in the points module's words.
export const publishPublicity = (input: PublishInput) => post<Publicity>('/points/publicities', input, { silent: true })
// The list and the drawer show a failure to load inline.
export const fetchPublicities = (nodeId?: number | null) =>
  get<{ items: Publicity[] }>('/points/publicities', { query: { node_id: nodeId || undefined }, silent: true })
export const fetchPublicity = (publicityId: number) => get<Publicity>(`/points/publicities/${id(publicityId)}`, { silent: true })
/** 409 appeals_open while an appeal is unanswered, publicity_closed when already closed. */
export const closePublicity = (publicityId: number, note: string) =>
  post<Publicity>(`/points/publicities/${id(publicityId)}/close`, { note }, { silent: true })
/** 403 own_appeal, 409 appeal_handled. */
export const handleAppeal = (appealId: number, decision: AppealDecision, result: string) =>
  post<Appeal>(`/points/appeals/${id(appealId)}/handle`, { decision, result }, { silent: true })

// ---- the member's own (403 no_person for an account without a person: the pages say so themselves)
export const fetchMyPublicities = () => get<{ items: Publicity[] }>('/me/points/publicities', { silent: true })
/** 409 publicity_over after the last day or once closed. */
export const submitAppeal = (publicityId: number, reason: string) =>
  post<Appeal>(`/me/points/publicities/${id(publicityId)}/appeals`, { reason }, { silent: true })
export const fetchMyAppeals = () => get<{ items: Appeal[] }>('/me/points/appeals', { silent: true })
