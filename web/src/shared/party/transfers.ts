// Organisational relationship transfers as the pages show them: what each kind asks for, the body the form sends,
// who may act on a pending one, and the words for kinds and statuses.
import '../i18n/dues'
import { t } from '../i18n'
import type { OrgNode } from '../api/org'
import type { Transfer, TransferInput, TransferKind, TransferStatus } from '../api/transfers'

export type TransferField = 'to_branch_id' | 'outside_org' | 'letter_no'

/**
 * The fields each kind needs besides the person and the date: a branch inside the city receives (internal, into the
 * city); across the city boundary the organisation outside and the letter number are named.
 */
export const KIND_FIELDS: Record<TransferKind, readonly TransferField[]> = {
  internal: ['to_branch_id'],
  out_of_city: ['outside_org', 'letter_no'],
  into_city: ['outside_org', 'letter_no', 'to_branch_id'],
}

export interface TransferForm {
  person_id: number | null
  kind: TransferKind
  to_branch_id: number | null
  outside_org: string
  letter_no: string
  issued_on: string
  note: string
}

/** The first required field left empty, with its message; null when the form can be sent. */
export function missingField(form: TransferForm): { field: 'person_id' | TransferField; message: string } | null {
  if (!form.person_id) return { field: 'person_id', message: t('transfers.form.personRequired') }
  for (const field of KIND_FIELDS[form.kind]) {
    const value = form[field]
    if (value === null || (typeof value === 'string' && !value.trim())) return { field, message: t(`transfers.form.${field}Required`) }
  }
  return null
}

/** The body of POST /party/transfers: the fields of the form's kind, trimmed, empty ones left out. */
export function transferBody(form: TransferForm): TransferInput {
  const body: TransferInput = { person_id: form.person_id ?? 0, kind: form.kind, issued_on: form.issued_on }
  const fields = KIND_FIELDS[form.kind]
  if (fields.includes('to_branch_id') && form.to_branch_id) body.to_branch_id = form.to_branch_id
  if (fields.includes('outside_org') && form.outside_org.trim()) body.outside_org = form.outside_org.trim()
  if (fields.includes('letter_no') && form.letter_no.trim()) body.letter_no = form.letter_no.trim()
  if (form.note.trim()) body.note = form.note.trim()
  return body
}

type Places = ReadonlyMap<number, Pick<OrgNode, 'parent_id' | 'node_type' | 'name'>>

/** Where the member goes: the receiving branch (with its unit when the tree has it), or the organisation outside the city. */
export function destination(tr: Pick<Transfer, 'kind' | 'to_branch_id' | 'to_branch_name' | 'outside_org'>, byId: Places = new Map()): string {
  return tr.kind === 'out_of_city' ? (tr.outside_org ?? '') : branchPlace(tr.to_branch_id, tr.to_branch_name, byId)
}

/** Where the member comes from: their branch (with its unit when the tree has it), or the organisation outside the city. */
export function origin(tr: Pick<Transfer, 'kind' | 'from_branch_id' | 'from_branch_name' | 'outside_org'>, byId: Places = new Map()): string {
  return tr.kind === 'into_city' ? (tr.outside_org ?? '') : branchPlace(tr.from_branch_id, tr.from_branch_name, byId)
}

/**
 * A branch with its unit, "市教育局 · 第二党支部": many units have a 第一党支部. The unit is found in the caller's tree;
 * a branch outside it keeps its own name.
 */
export function branchPlace(id: number | null, name: string | null, byId: Places): string {
  if (!name) return ''
  let node = id === null ? undefined : byId.get(id)
  for (let hops = 0; node && hops < 10; hops++) {
    if (node.node_type === 'unit') return `${node.name} · ${name}`
    node = node.parent_id === null ? undefined : byId.get(node.parent_id)
  }
  return name
}

/**
 * What the caller may do with a pending transfer, judged from their part of the tree: the receiving branch confirms
 * (for a member leaving the city, the issuing side, when the receipt comes back); the issuing side cancels. The server
 * decides again; this only keeps buttons that can only fail off the page.
 */
export function actionsOn(tr: Pick<Transfer, 'kind' | 'status' | 'from_branch_id' | 'to_branch_id'>, inTree: (id: number) => boolean): { confirm: boolean; cancel: boolean } {
  if (tr.status !== 'pending') return { confirm: false, cancel: false }
  const issuing = tr.kind === 'into_city' || (tr.from_branch_id !== null && inTree(tr.from_branch_id))
  const receiving = tr.kind === 'out_of_city' ? issuing : tr.to_branch_id !== null && inTree(tr.to_branch_id)
  return { confirm: receiving, cancel: issuing }
}

export const kindLabel = (k: TransferKind | string): string => t(`transfers.kind.${k}`)
export const statusLabel = (s: TransferStatus | string): string => t(`transfers.status.${s}`)
export const STATUS_TAG: Record<TransferStatus, 'warning' | 'success' | 'info'> = { pending: 'warning', confirmed: 'success', cancelled: 'info' }
