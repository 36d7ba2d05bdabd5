// A bank statement of party dues (导入银行流水) as rows to record: which row holds the titles (a bank's export has its
// own lines above them), which column is which, each cell read (months, amount, date) with its problem by row and
// column, then, with the members the server found for the rows, what each row would record and whether its amount is
// the declared one. Works on plain values, so that it is tested without a workbook (reading the .xlsx is workbook.ts);
// the server checks every rule again when the rows are recorded.
import '../i18n/dues'
import { t } from '../i18n'
import type { BatchRow, BatchResult, MatchItem } from '../api/dues'

export type { MatchItem }
import { cellText, excelSerialDate, type CellValue, type SheetRow } from '../people/importSheet'
import { addMonths, BACK_PAYMENT_MONTHS, parseYuan } from './dues'

export type StatementKey = 'id_card' | 'name' | 'branch' | 'months' | 'amount' | 'paid_on' | 'note'

/** The template's titles first, then what banks call the same column. Compared without spaces, stars and (元). */
export const STATEMENT_TITLES: Record<StatementKey, readonly string[]> = {
  id_card: ['身份证号', '身份证号码', '证件号码', '证件号'],
  name: ['姓名', '户名', '对方户名', '付款人', '付款人名称', '缴费人'],
  branch: ['党支部', '所在支部', '支部'],
  months: ['缴费月份', '所属月份', '党费月份', '月份'],
  amount: ['金额', '交易金额', '收入金额', '贷方发生额', '缴费金额', '党费金额'],
  paid_on: ['缴纳日期', '交易日期', '入账日期', '记账日期', '日期'],
  note: ['备注', '摘要', '附言', '用途'],
}
/** The template's own titles (errors name columns this way). */
export const TEMPLATE_TITLE: Record<StatementKey, string> = {
  id_card: '身份证号', name: '姓名', branch: '党支部', months: '缴费月份', amount: '金额', paid_on: '缴纳日期', note: '备注',
}
/** A title row is looked for among the first rows of the sheet. */
const HEADER_SEARCH_ROWS = 20
/** A payment covers at most this many months (the server's limit). */
export const MAX_MONTHS = 24

export interface StatementRow {
  /** The sheet's row number. */
  row: number
  id_card: string
  name: string
  branch: string
  months: string[]
  /** The whole row's amount. */
  amount_cents: number
  paid_on: string
  note: string
}

export interface RowProblem {
  row: number
  column: string
  message: string
}

export interface StatementRead {
  /** The sheet row the titles were read from (0: none found). */
  headerRow: number
  /** Required columns the sheet does not have (template titles). */
  missing: string[]
  /** Rows read without a problem. */
  rows: StatementRow[]
  /** Problems of the others, by row and column. */
  problems: RowProblem[]
  /** Data rows that have anything in them. */
  total: number
}

const titleKey = (title: string) => title.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '').toLowerCase()

/** The column a title names, or null. */
export function statementColumn(title: string): StatementKey | null {
  const k = titleKey(title)
  if (!k) return null
  for (const key of Object.keys(STATEMENT_TITLES) as StatementKey[]) if (STATEMENT_TITLES[key].includes(k)) return key
  return null
}

const text = (value: CellValue | unknown): string => {
  const read = cellText(value, null)
  return 'text' in read ? read.text : ''
}
const pad = (n: number) => String(n).padStart(2, '0')

/** Finds the title row: the first of the first rows naming the amount and at least two other known columns. */
export function findHeader(sheet: readonly SheetRow[]): { row: SheetRow; columns: Map<number, StatementKey> } | null {
  for (const row of [...sheet].sort((a, b) => a.number - b.number).slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<number, StatementKey>()
    const seen = new Set<StatementKey>()
    row.cells.forEach((cell, index) => {
      const key = statementColumn(text(cell))
      if (key && !seen.has(key)) {
        columns.set(index, key)
        seen.add(key)
      }
    })
    if (seen.has('amount') && seen.size >= 3) return { row, columns }
  }
  return null
}

const MONTH = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/
function oneMonth(s: string): string | null {
  const m = MONTH.exec(s.trim())
  if (!m) return null
  const month = Number(m[2] ?? m[3])
  return month >= 1 && month <= 12 ? `${m[1]}-${pad(month)}` : null
}

/**
 * The months a cell names: "2026-03", "2026年3月", "2026/3", "202603", a range "2026-01至2026-03" (or ~, －, 到), a list
 * "2026-01,2026-02" (、，; too), or a date cell (its month). null when it is none of those.
 */
export function parseMonths(value: CellValue | unknown): string[] | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : [`${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}`]
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 190001 && value <= 210012) return oneMonth(String(value)) ? [oneMonth(String(value))!] : null
    const date = excelSerialDate(value)
    return date ? [date.slice(0, 7)] : null
  }
  const s = text(value)
  if (!s) return null
  const range = s.split(/\s*(?:至|到|~|～|—|－)\s*/)
  if (range.length === 2) {
    const from = oneMonth(range[0]!)
    const to = oneMonth(range[1]!)
    if (!from || !to || to < from) return null
    const out: string[] = []
    for (let m = from; m <= to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m)
    return out
  }
  const parts = s.split(/\s*[,，、;；]\s*/).filter(Boolean)
  const months = parts.map(oneMonth)
  return months.every((m): m is string => m !== null) && months.length ? months : null
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/
/** A date cell → YYYY-MM-DD: a date, an Excel day number, "2026/11/5", "2026年11月5日", "20261105". null otherwise. */
export function parseDate(value: CellValue | unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if (typeof value === 'number') return Number.isInteger(value) && value > 19000101 ? parseDate(String(value)) : excelSerialDate(value)
  const s = text(value)
  const m = DATE.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${y}-${pad(mo)}-${pad(d)}` : null
}

/** An amount cell → cents: 120, "120.00", "¥1,200.50", "120元". null for anything else, zero or less, or a third decimal. */
export function parseAmount(value: CellValue | unknown): number | null {
  if (typeof value === 'number') {
    const cents = Math.round(value * 100)
    return Number.isFinite(value) && value > 0 && Math.abs(value * 100 - cents) < 1e-6 ? cents : null
  }
  const s = text(value).replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '')
  const cents = parseYuan(s)
  return cents !== null && cents > 0 ? cents : null
}

/** Reads the rows below the title row. A row with a problem in any cell is kept back with each problem. */
export function readStatement(sheet: readonly SheetRow[]): StatementRead {
  const read: StatementRead = { headerRow: 0, missing: [], rows: [], problems: [], total: 0 }
  const header = findHeader(sheet)
  if (!header) {
    read.missing = [TEMPLATE_TITLE.months, TEMPLATE_TITLE.amount, TEMPLATE_TITLE.paid_on, TEMPLATE_TITLE.name]
    return read
  }
  read.headerRow = header.row.number
  const has = new Set(header.columns.values())
  read.missing = (['months', 'amount', 'paid_on'] as const).filter((k) => !has.has(k)).map((k) => TEMPLATE_TITLE[k])
  if (!has.has('id_card') && !has.has('name')) read.missing.push(`${TEMPLATE_TITLE.id_card}/${TEMPLATE_TITLE.name}`)
  if (read.missing.length) return read
  const indexOf = new Map([...header.columns].map(([i, k]) => [k, i]))
  const cell = (r: SheetRow, key: StatementKey) => (indexOf.has(key) ? r.cells[indexOf.get(key)!] : undefined)

  for (const r of sheet.filter((x) => x.number > header.row.number).sort((a, b) => a.number - b.number)) {
    if ([...header.columns.keys()].every((i) => text(r.cells[i]) === '')) continue
    read.total++
    const problems: RowProblem[] = []
    const problem = (key: StatementKey, message: string) => problems.push({ row: r.number, column: TEMPLATE_TITLE[key], message })
    const idValue = cell(r, 'id_card')
    let id_card = ''
    if (typeof idValue === 'number' && !Number.isSafeInteger(idValue)) problem('id_card', t('duesImport.problems.idCardNumber'))
    else id_card = text(idValue).toUpperCase()
    const name = text(cell(r, 'name'))
    if (!id_card && !name && !problems.length) problem(has.has('id_card') ? 'id_card' : 'name', t('duesImport.problems.noPerson'))
    const months = parseMonths(cell(r, 'months'))
    if (!months) problem('months', text(cell(r, 'months')) ? t('duesImport.problems.months') : t('duesImport.problems.noMonths'))
    else if (months.length > MAX_MONTHS) problem('months', t('duesImport.problems.tooManyMonths', { max: MAX_MONTHS }))
    else if (new Set(months).size !== months.length) problem('months', t('duesImport.problems.monthTwice'))
    const amount = parseAmount(cell(r, 'amount'))
    if (amount === null) problem('amount', text(cell(r, 'amount')) ? t('duesImport.problems.amount') : t('duesImport.problems.noAmount'))
    const paid_on = parseDate(cell(r, 'paid_on'))
    if (!paid_on) problem('paid_on', text(cell(r, 'paid_on')) ? t('duesImport.problems.date') : t('duesImport.problems.noDate'))
    if (problems.length) {
      read.problems.push(...problems)
      continue
    }
    read.rows.push({ row: r.number, id_card, name, branch: text(cell(r, 'branch')), months: months!, amount_cents: amount!, paid_on: paid_on!, note: text(cell(r, 'note')).slice(0, 200) })
  }
  return read
}

export interface PreviewRow extends StatementRow {
  person_id: number | null
  member: string
  /** Each month at the declared amount; null without a member or a declared amount. */
  declared_cents: number | null
  /** The amount of each month: the row's amount split evenly. */
  per_month_cents: number | null
  /** Whether the amount is the declared one (null: cannot tell). */
  matches: boolean | null
  problems: RowProblem[]
}

/** The declared monthly amount for a month: that of its year, or of the latest year declared before it. */
function declaredFor(bases: NonNullable<MatchItem['bases']>, month: string): number | null {
  let amount: number | null = null
  for (const b of bases) if (b.year <= Number(month.slice(0, 4))) amount = b.amount_cents
  return amount
}

/**
 * The rows with their members and everything the server would refuse, by row and column: no member found, a month
 * before the first owed or without a declared amount, already paid, paid twice in the file, more than six months
 * back or a year ahead, a date in the future, an amount that cannot be split evenly over the months.
 */
export function previewRows(rows: readonly StatementRow[], matches: readonly MatchItem[], today: string): PreviewRow[] {
  const byRow = new Map(matches.map((m) => [m.row, m]))
  const inFile = new Map<string, number>() // person:month → the row that pays it
  return rows.map((r) => {
    const m = byRow.get(r.row)
    const problems: RowProblem[] = []
    const problem = (key: StatementKey, message: string) => problems.push({ row: r.row, column: TEMPLATE_TITLE[key], message })
    const out: PreviewRow = { ...r, person_id: null, member: '', declared_cents: null, per_month_cents: null, matches: null, problems }
    if (!m || m.status !== 'matched' || !m.person_id) {
      problem(r.id_card ? 'id_card' : 'name', m?.message ?? t('duesImport.problems.unknown'))
      return out
    }
    out.person_id = m.person_id
    out.member = [m.name, m.unit_name, m.branch_name].filter(Boolean).join(' · ')
    if (r.paid_on > today) problem('paid_on', t('duesImport.problems.future'))
    if (r.amount_cents % r.months.length) problem('amount', t('duesImport.problems.uneven', { n: r.months.length }))
    else out.per_month_cents = r.amount_cents / r.months.length
    const paidMonth = r.paid_on.slice(0, 7)
    let declared = 0
    for (const month of r.months) {
      const amount = declaredFor(m.bases ?? [], month)
      if (amount === null) problem('months', t('duesImport.problems.noBase', { month }))
      else declared += amount
      if (m.first_month && month < m.first_month) problem('months', t('duesImport.problems.beforeFirst', { month, first: m.first_month }))
      if (m.paid?.includes(month)) problem('months', t('duesImport.problems.paid', { month }))
      if (month < addMonths(paidMonth, -BACK_PAYMENT_MONTHS)) problem('months', t('duesImport.problems.tooOld', { month }))
      if (month > addMonths(paidMonth, 12)) problem('months', t('duesImport.problems.tooEarly', { month }))
    }
    // A month paid by an earlier row of the file that will be recorded; a row held back pays nothing.
    for (const month of r.months) {
      const earlier = inFile.get(`${m.person_id}:${month}`)
      if (earlier) problem('months', t('duesImport.problems.duplicate', { month, row: earlier }))
    }
    if (!problems.length) for (const month of r.months) inFile.set(`${m.person_id}:${month}`, r.row)
    if (!problems.some((p) => p.column === TEMPLATE_TITLE.months) && m.bases?.length) {
      out.declared_cents = declared
      out.matches = declared === r.amount_cents
    }
    return out
  })
}

/** The rows to record: those without a problem; with a different amount only when asked. */
export function batchRows(preview: readonly PreviewRow[], includeDiffering: boolean): BatchRow[] {
  return preview
    .filter((p) => p.problems.length === 0 && p.person_id !== null && p.per_month_cents !== null && (includeDiffering || p.matches !== false))
    .map((p) => {
      const row: BatchRow = { row: p.row, person_id: p.person_id!, months: p.months, paid_on: p.paid_on, method: 'bank_import', amount_cents: p.per_month_cents! }
      if (p.note) row.note = p.note
      return row
    })
}

export type Outcome = { state: 'recorded' } | { state: 'refused' | 'held'; reason: string }

/** Each row's outcome after recording: recorded, refused by the server (its reason), or held back in the preview. */
export function outcomes(preview: readonly PreviewRow[], sent: readonly BatchRow[], result: BatchResult): Map<number, Outcome> {
  const refused = new Map<number, string>()
  for (const f of result.failed) refused.set(f.row, refused.has(f.row) ? `${refused.get(f.row)}；${f.message}` : f.message)
  const sentRows = new Set(sent.map((s) => s.row))
  const out = new Map<number, Outcome>()
  for (const p of preview) {
    if (refused.has(p.row)) out.set(p.row, { state: 'refused', reason: refused.get(p.row)! })
    else if (sentRows.has(p.row)) out.set(p.row, { state: 'recorded' })
    else out.set(p.row, { state: 'held', reason: p.problems.map((x) => x.message).join('；') || t('duesImport.differsHeld') })
  }
  return out
}

/** "3302**********1234": the number is not shown in full on the page. */
export function maskIdCard(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id
}
