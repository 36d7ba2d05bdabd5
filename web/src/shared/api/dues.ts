// Party dues (党费): a member's declared post-tax income for a year (the server computes the monthly amount by the
// brackets), the payments month by month, and the months in arrears. Money is in cents (分) on the wire. The server
// checks every rule (back payment at most six months, a month paid once, a month only with a declared income),
// permission (party.read / party.write) and data scope; the member reads their own through /me/party/dues.
import { download, get, post, put, type Download, type Query } from './client'

export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'low_income'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]

export const PAYMENT_METHODS = ['cash', 'transfer', 'online', 'bank_import'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** warning: 3 to 5 months unpaid; overdue: 6 or more (treated as leaving the party, escalated). */
export type ArrearsLevel = 'warning' | 'overdue'

/** A member's declared income for a year and the monthly dues it gives. */
export interface DuesBase {
  person_id: number
  year: number
  category: DuesCategory
  income_cents: number
  amount_cents: number
  /** The rate applied in per mille (15 = 1.5 %); 0 for the flat categories (20 cents a month). */
  rate_permille: number
  /** Display name of whoever declared it. */
  set_by: string
  set_at: string
  /** YYYY-MM of `year` from which it applies; the first base's month starts the dues owed. */
  from_month: string
}

export interface DuesPayment {
  id: number
  person_id: number
  /** YYYY-MM. */
  month: string
  amount_cents: number
  paid_on: string
  method: PaymentMethod | string
  note: string | null
  recorded_by: string
  recorded_at: string
}

/** A member as the dues list shows them. */
export interface DuesMember {
  person_id: number
  name: string
  party_status: string
  unit_name: string
  branch_name: string | null
  /** The latest declared year up to this one; null: no income declared yet, nothing owed. */
  base: DuesBase | null
  /** The first month dues are owed (null without a base). */
  first_month: string | null
  /** The months of the server's current year that are paid. */
  paid_this_year: string[]
  last_paid: string | null
  /** Consecutive unpaid months before the current one. */
  arrears_months: number
  level: ArrearsLevel | null
}

export interface DuesList {
  items: DuesMember[]
  total: number
  page: number
  page_size: number
  /** The server's current month in Beijing, YYYY-MM. */
  month: string
}

export interface MyDues {
  /** false: the account's person is not a party member, and owes no dues. */
  member: boolean
  bases: DuesBase[]
  payments: DuesPayment[]
  first_month: string | null
  arrears_months: number
  level: ArrearsLevel | null
  month: string
}

export interface BaseInput {
  year: number
  category: DuesCategory
  income_cents: number
  /** Absent: the month already declared for the year, else this month (this year) or January (another year). */
  from_month?: string
}

export interface PaymentInput {
  person_id: number
  months: string[]
  paid_on: string
  method?: PaymentMethod
  note?: string
  /** Per month; absent: the declared amount. */
  amount_cents?: number
}

/** One row of a batch; `row` names it in the failures (by default its place, from 1). */
export interface BatchRow extends PaymentInput {
  row?: number
}

export interface BatchResult {
  recorded: number
  failed: { row: number; field: string; message: string }[]
}

/** The largest page the server gives. */
export const DUES_PAGE_SIZE = 200

export function duesQuery(nodeId: number | null | undefined, page = 1, pageSize = DUES_PAGE_SIZE): Query {
  const q: Query = { page, page_size: pageSize }
  if (nodeId) q.node_id = nodeId
  return q
}

const id = (n: number) => encodeURIComponent(String(n))
const keyHeader = (key?: string) => (key ? { 'Idempotency-Key': key } : undefined)

export const fetchDues = (nodeId?: number | null, page = 1, pageSize = DUES_PAGE_SIZE) =>
  get<DuesList>('/party/dues', { query: duesQuery(nodeId, page, pageSize) })

// The dialogs show refusals next to their fields (validation with `field`; no_dues_base, already_paid): silent.
export const setDuesBase = (personId: number, input: BaseInput) => put<DuesBase>(`/party/dues/bases/${id(personId)}`, input, { silent: true })
/** `key` makes a resend after a lost answer safe (see idempotency.ts). */
export const recordPayment = (input: PaymentInput, key?: string) =>
  post<{ items: DuesPayment[] }>('/party/dues/payments', input, { silent: true, headers: keyHeader(key) })
/** Each row on its own: the answer counts the rows recorded and lists the others with their error. */
export const recordPayments = (rows: BatchRow[]) => post<BatchResult>('/party/dues/payments/batch', { rows }, { silent: true, timeoutMs: 120_000 })

/** The bank statement's rows to find members for (nothing is recorded). */
export interface MatchInput {
  row: number
  id_card?: string
  name?: string
  branch?: string
}
/** What the server found for a statement row: its member with what a payment is checked against, or why none. */
export interface MatchItem {
  row: number
  status: 'matched' | 'unknown' | 'ambiguous' | 'invalid_id' | 'name_mismatch'
  message?: string
  person_id?: number
  name?: string
  unit_name?: string
  branch_name?: string | null
  first_month?: string | null
  bases?: { year: number; from_month: string; amount_cents: number }[]
  paid?: string[]
}

export const matchStatement = (rows: MatchInput[]) =>
  post<{ items: MatchItem[] }>('/party/dues/payments/match', { rows }, { silent: true, timeoutMs: 120_000 })
export const downloadStatementTemplate = (): Promise<Download> => download('/party/dues/payments/template', 'dues-statement-template.xlsx')

// ---- the member's own (403 no_person for an account without a person: the page says so itself)
export const fetchMyDues = () => get<MyDues>('/me/party/dues', { silent: true })
