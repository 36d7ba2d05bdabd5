// Organisational relationship transfers (组织关系转接): issued by the member's side, confirmed by the receiving branch
// (for a member leaving the city, by the issuing side when the receipt comes back), or cancelled by the issuing side
// while pending. The member moves only on confirmation, so they always belong to exactly one branch. party.read to
// see, party.write to act; the server checks who may confirm or cancel.
import { get, post, type Query } from './client'

export const TRANSFER_KINDS = ['internal', 'out_of_city', 'into_city'] as const
export type TransferKind = (typeof TRANSFER_KINDS)[number]

export const TRANSFER_STATUSES = ['pending', 'confirmed', 'cancelled'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

export interface Transfer {
  id: number
  person_id: number
  person_name: string
  kind: TransferKind
  /** null for a transfer into the city. */
  from_branch_id: number | null
  from_branch_name: string | null
  /** null for a transfer out of the city. */
  to_branch_id: number | null
  to_branch_name: string | null
  /** The organisation outside the city (out_of_city, into_city). */
  outside_org: string | null
  letter_no: string | null
  issued_on: string
  status: TransferStatus
  note: string | null
  issued_by: string
  created_at: string
  decided_by: string | null
  decided_on: string | null
  /** The confirmation's note or the reason of a cancellation. */
  decision_note: string | null
  /** Pending for more than three months. */
  flagged: boolean
}

/** POST /party/transfers: what the kind needs and nothing else (see shared/party/transfers.ts). */
export interface TransferInput {
  person_id: number
  kind: TransferKind
  to_branch_id?: number
  outside_org?: string
  letter_no?: string
  issued_on: string
  note?: string
}

/** A branch of the city as the directory names it (no people): where a transfer inside the city may go. */
export interface BranchEntry {
  id: number
  name: string
  node_type: 'branch' | 'general_branch'
  unit_id: number | null
  unit_name: string | null
  /** The names from below the city down to the branch: 市教育局 / 机关党委 / 第一党支部. */
  path_label: string
}

/** The directory answers at most this many a page. */
export const BRANCH_PAGE_SIZE = 20

export function transferQuery(status?: TransferStatus | ''): Query {
  return status ? { status } : {}
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

/** Open branches of the whole city whose name or unit name has `q` (party.write: those who issue transfers). */
export const fetchBranches = (q: string, page = 1) =>
  get<{ items: BranchEntry[]; total: number }>('/party/branches', { query: { q: q.trim() || undefined, type: 'branch', page, page_size: BRANCH_PAGE_SIZE } })
export const fetchTransfers = (status?: TransferStatus | '') => get<{ items: Transfer[] }>('/party/transfers', { query: transferQuery(status) })

// The dialogs show refusals next to their fields (validation with `field`, transfer_pending, transfer_decided,
// not_receiving_side, not_issuing_side): silent.
/** `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const issueTransfer = (input: TransferInput, key?: string) =>
  post<Transfer>('/party/transfers', input, { silent: true, headers: keyHeader(key) })
export const confirmTransfer = (transferId: number, confirmedOn: string, note?: string) =>
  post<Transfer>(`/party/transfers/${id(transferId)}/confirm`, note ? { confirmed_on: confirmedOn, note } : { confirmed_on: confirmedOn }, { silent: true })
export const cancelTransfer = (transferId: number, reason: string) =>
  post<Transfer>(`/party/transfers/${id(transferId)}/cancel`, { reason }, { silent: true })
