// Reads the first sheet of an .xlsx in the browser with exceljs. exceljs is large (about 250 KB gzip): it is loaded
// only here, when a file has been chosen, so neither the phone nor the console's first load carries it.
import type { CellValue, SheetRow } from './importSheet'

export interface SheetData {
  name: string
  rows: SheetRow[]
}

/** The workbook could not be read (not an .xlsx, damaged, or password-protected). */
export class UnreadableWorkbook extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'UnreadableWorkbook'
  }
}

let library: Promise<typeof import('exceljs')> | null = null
/** Loaded once; a failed load (a lost connection) is tried again next time. */
const loadLibrary = () =>
  (library ??= import('exceljs').catch((err: unknown) => {
    library = null
    throw err
  }))

/** Starts fetching exceljs while the person downloads or fills in the template, so that reading the file is quick. */
export function preloadReader(): void {
  loadLibrary().catch(() => {
    // tried again when the file is read, and a failure is shown then
  })
}

export async function readFirstSheet(data: ArrayBuffer): Promise<SheetData> {
  const mod = await loadLibrary()
  // The browser build is a UMD bundle whose namespace sits on `default`; Node's CommonJS build is the namespace.
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(data)
  } catch (err) {
    throw new UnreadableWorkbook(err)
  }
  const sheet = workbook.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? workbook.worksheets[0]
  if (!sheet) return { name: '', rows: [] }
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    // row.values starts at index 1 (column A).
    const values = row.values as CellValue[]
    rows.push({ number, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => values[i + 1]) })
  })
  return { name: sheet.name, rows }
}
