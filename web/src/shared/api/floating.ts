// Floating members (流动党员): a full or probationary member away from the branch for a while (working or studying
// elsewhere) stays its member and is marked floating; one active record per member. The record ends when the member
// is marked returned, or by itself when they are transferred out or leave the party. party.read to see, party.write
// to record; the server checks every rule and the data scope (the unit and branch the record was made in).
import { get, post, type Query } from './client'

export const FLOATING_REASONS = ['work', 'study', 'family', 'other'] as const
export type FloatingReason = (typeof FLOATING_REASONS)[number]

export const FLOATING_STATUSES = ['active', 'returned', 'ended'] as const
export type FloatingStatus = (typeof FLOATING_STATUSES)[number]

/** Why a record ended: the member came back, was transferred out, or left the party. */
export type FloatingEndReason = 'returned' | 'transferred' | 'left_party'

export interface FloatingRecord {
  id: number
  person_id: number
  person_name: string
  /** The unit and branch when it was recorded. */
  unit_id: number
  unit_name: string
  branch_id: number | null
  branch_name: string | null
  destination: string
  reason: FloatingReason
  started_on: string
  expected_return_on: string | null
  /** 流动党员活动证 number. */
  certificate_no: string | null
  contact_name: string | null
  note: string | null
  status: FloatingStatus
  /** The return date, or the day the record ended with a transfer or a status change. */
  ended_on: string | null
  end_reason: FloatingEndReason | null
  end_note: string | null
  recorded_by: string
  created_at: string
  ended_by: string | null
  /** Still away after the expected return. */
  past_expected: boolean
}

export interface FloatingList {
  items: FloatingRecord[]
  total: number
  page: number
  page_size: number
  /** Active records in the scope below the node, whatever the status filter. */
  active: number
  past_expected: number
  today: string
}

export interface FloatingInput {
  person_id: number
  destination: string
  reason: FloatingReason
  started_on: string
  expected_return_on?: string
  certificate_no?: string
  contact_name?: string
  note?: string
}

export interface FloatingFilter {
  nodeId?: number | null
  status?: FloatingStatus | ''
  name?: string
  page?: number
  pageSize?: number
}

export function floatingQuery(f: FloatingFilter): Query {
  const q: Query = { page: f.page ?? 1, page_size: f.pageSize ?? 50 }
  if (f.nodeId) q.node_id = f.nodeId
  if (f.status) q.status = f.status
  if (f.name?.trim()) q.name = f.name.trim()
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export const fetchFloating = (filter: FloatingFilter = {}) => get<FloatingList>('/party/floating', { query: floatingQuery(filter) })
// The dialogs show refusals next to their fields (validation with `field`, floating_active, floating_ended): silent.
/** `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const markFloating = (input: FloatingInput, key?: string) =>
  post<FloatingRecord>('/party/floating', input, { silent: true, headers: keyHeader(key) })
export const markReturned = (recordId: number, returnedOn: string, note?: string) =>
  post<FloatingRecord>(`/party/floating/${id(recordId)}/return`, note ? { returned_on: returnedOn, note } : { returned_on: returnedOn }, { silent: true })
