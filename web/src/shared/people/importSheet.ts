// The people-import workbook as rows for the server: which column is which (by the template's titles), each cell as
// text, and the problems only the browser can see (an error value such as #N/A, an ID number Excel stored as a number
// and so cut short, text too long to send). Works on plain values, so that it is tested without a workbook; reading
// the .xlsx itself is in workbook.ts.
import { t } from '../i18n'
import type { ImportRow, RowError } from '../api/imports'
import '../i18n/peopleImport' // the texts of the cell problems and column labels

export interface ImportColumn {
  /** The key the server takes. */
  key: string
  /** The template's column title (the server names columns this way in its errors). */
  header: string
  required: boolean
  /** Dates are sent as YYYY-MM-DD. */
  date?: boolean
}

/** The template's columns, in its order: the same list as the server's import_columns(). */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '姓名', required: true },
  { key: 'gender', header: '性别', required: true },
  { key: 'ethnicity', header: '民族', required: true },
  { key: 'birth_date', header: '出生日期', required: true, date: true },
  { key: 'id_card', header: '身份证号', required: false },
  { key: 'phone', header: '手机号码', required: false },
  { key: 'unit', header: '单位', required: true },
  { key: 'branch', header: '党支部', required: false },
  { key: 'position', header: '职务', required: false },
  { key: 'rank', header: '职级', required: false },
  { key: 'party_status', header: '政治面貌', required: true },
  { key: 'party_joined_date', header: '入党时间', required: false, date: true },
  { key: 'work_start_date', header: '参加工作时间', required: false, date: true },
  { key: 'education', header: '学历', required: false },
  { key: 'degree', header: '学位', required: false },
  { key: 'native_place', header: '籍贯', required: false },
]

/** The server takes at most this many rows at once. */
export const MAX_IMPORT_ROWS = 5000
/** The server refuses the whole request for a longer cell; it allows 60 characters in a cell anyway. */
export const MAX_CELL_CHARS = 200
const CELL_LIMIT_SHOWN = 60

/** A cell as exceljs gives it: plain values, or objects for rich text, links, formulas and error values. */
export type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink?: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | Record<string, unknown>

/** One row of the first sheet: its number in the sheet (1 = the first row) and its cells from column A on. */
export interface SheetRow {
  number: number
  cells: CellValue[]
}

export interface SheetRead {
  /** Rows to send: those without a problem the browser found. */
  rows: ImportRow[]
  /** Problems found in the browser, in the server's shape, so that the preview lists both together. */
  problems: RowError[]
  /** Rows held back for those problems. */
  badRows: number
  /** Data rows that have anything in them. */
  total: number
  /** The sheet row the titles were read from. */
  headerRow: number
  /** Titles that are no column of the template: their cells are not sent. */
  ignored: string[]
  /** Required columns the sheet does not have: nothing can be imported then. */
  missing: string[]
  /** Each data row's name cell, to help find the row the errors are about. */
  names: Record<number, string>
}

type Cell = { text: string } | { problem: string }

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const pad = (n: number) => String(n).padStart(2, '0')

function utcDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** An Excel day number (a date cell formatted as a plain number) → YYYY-MM-DD; Excel counts 1900-02-29, which never was. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null
  const day = Math.floor(serial)
  const base = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  return utcDate(new Date(base + day * 86_400_000))
}

/** "1995/3/1", "1995.03.01", "1995年3月1日" → "1995-03-01"; anything else as it is (the server says what is wrong). */
export function normaliseDateText(text: string): string {
  const m = DATE_TEXT.exec(text)
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text
}

/** A cell's value as the text to send, or the problem that keeps its row back. */
export function cellText(value: CellValue | unknown, column: ImportColumn | null): Cell {
  if (value === null || value === undefined) return { text: '' }
  if (typeof value === 'string') {
    const text = value.trim()
    return { text: column?.date ? normaliseDateText(text) : text }
  }
  if (typeof value === 'number') {
    if (column?.date) {
      const date = excelSerialDate(value)
      return date ? { text: date } : { text: String(value) }
    }
    // An 18-digit ID number typed into a General cell becomes a number and loses its last digits (and the X).
    if (column?.key === 'id_card' && !Number.isSafeInteger(value)) return { problem: t('peopleImport.problems.idCardNumber') }
    return { text: Number.isInteger(value) ? value.toFixed(0) : String(value) }
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { problem: t('peopleImport.problems.unreadable') } : { text: utcDate(value) }
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (typeof v.error === 'string') return { problem: t('peopleImport.problems.errorValue', { value: v.error }) }
    if (Array.isArray(v.richText)) {
      return cellText((v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''), column)
    }
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { problem: t('peopleImport.problems.formulaNoValue') }
      return cellText(v.result, column)
    }
    if ('text' in v) return cellText(v.text, column)
  }
  return { problem: t('peopleImport.problems.unreadable') }
}

/** A title cell → what it is compared by: no spaces, no required-mark star, lower case. */
function titleKey(title: string): string {
  return title.replace(/\s+/g, '').replace(/[*＊]+$/, '').replace(/^[*＊]+/, '').toLowerCase()
}

/** The template's column a title names: its Chinese title (with or without the star) or its key. */
export function columnFor(title: string): ImportColumn | null {
  const k = titleKey(title)
  if (!k) return null
  return IMPORT_COLUMNS.find((c) => c.header === k || c.key === k) ?? null
}

/** The column a server error names (by its Chinese title) in the user's language. */
export function columnLabel(header: string): string {
  const column = IMPORT_COLUMNS.find((c) => c.header === header)
  return column ? t(`peopleImport.columns.${column.key}`) : header
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => {
    const read = cellText(c, null)
    return 'text' in read && read.text === ''
  })
}

/**
 * The sheet's rows → what to send. The first row with anything in it holds the titles; rows with nothing in them are
 * skipped; every other row is a data row, kept back when a cell of a known column has a problem.
 */
export function rowsFromSheet(sheet: readonly SheetRow[]): SheetRead {
  const read: SheetRead = { rows: [], problems: [], badRows: 0, total: 0, headerRow: 0, ignored: [], missing: [], names: {} }
  const filled = sheet.filter((r) => !isBlank(r)).sort((a, b) => a.number - b.number)
  const header = filled[0]
  if (!header) {
    read.missing = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header)
    return read
  }
  read.headerRow = header.number

  // Column index → template column; a second column with the same title is ignored like an unknown one.
  const columns = new Map<number, ImportColumn>()
  const seen = new Set<string>()
  header.cells.forEach((cell, index) => {
    const title = cellText(cell, null)
    if (!('text' in title) || title.text === '') return
    const column = columnFor(title.text)
    if (column && !seen.has(column.key)) {
      columns.set(index, column)
      seen.add(column.key)
    } else {
      read.ignored.push(title.text)
    }
  })
  read.missing = IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header)

  for (const sheetRow of filled.slice(1)) {
    const row: ImportRow = { row: sheetRow.number }
    const problems: RowError[] = []
    let any = false
    for (const [index, column] of columns) {
      const cell = cellText(sheetRow.cells[index], column)
      if ('problem' in cell) {
        problems.push({ row: sheetRow.number, column: column.header, message: cell.problem })
        any = true
      } else if (cell.text !== '') {
        if ([...cell.text].length > MAX_CELL_CHARS) {
          problems.push({ row: sheetRow.number, column: column.header, message: t('peopleImport.problems.tooLong', { max: CELL_LIMIT_SHOWN }) })
        } else {
          row[column.key] = cell.text
        }
        any = true
      }
    }
    if (!any) continue // only ignored columns filled in: nothing of a person
    read.total++
    if (typeof row.name === 'string') read.names[sheetRow.number] = row.name
    if (problems.length) {
      read.badRows++
      read.problems.push(...problems)
    } else {
      read.rows.push(row)
    }
  }
  return read
}

export interface RowErrors {
  row: number
  name: string
  items: { column: string; message: string }[]
}

const columnOrder = (header: string) => {
  const i = IMPORT_COLUMNS.findIndex((c) => c.header === header)
  return i < 0 ? IMPORT_COLUMNS.length : i
}

/** Errors from the browser and the server together, one entry per row, rows in sheet order, cells in column order. */
export function errorsByRow(errors: readonly RowError[], names: Record<number, string> = {}): RowErrors[] {
  const byRow = new Map<number, RowErrors>()
  for (const e of errors) {
    let entry = byRow.get(e.row)
    if (!entry) byRow.set(e.row, (entry = { row: e.row, name: names[e.row] ?? '', items: [] }))
    if (!entry.items.some((i) => i.column === e.column && i.message === e.message)) entry.items.push({ column: e.column, message: e.message })
  }
  const out = [...byRow.values()].sort((a, b) => a.row - b.row)
  for (const entry of out) entry.items.sort((a, b) => columnOrder(a.column) - columnOrder(b.column))
  return out
}
