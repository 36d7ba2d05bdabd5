// The Excel import of people (people.import). The browser reads the workbook and sends the rows as text; the server
// checks every cell, previews the errors, commits all-or-nothing or only the valid rows, and undoes the last import.
import { download, post, type Download } from './client'

/** One row of the sheet: its row number (for messages) and the cells by column key; empty cells are left out. */
export interface ImportRow {
  row: number
  [column: string]: string | number
}

/** A problem of one cell: the sheet's row, the column title as in the template, the message. */
export interface RowError {
  row: number
  column: string
  message: string
}

export interface ImportPreview {
  total: number
  valid: number
  errors: RowError[]
}

export type ImportMode = 'all_or_nothing' | 'skip_invalid'

export interface ImportResult {
  import_id: number
  created: number
  skipped: number
  errors: RowError[]
}

export interface ImportUndo {
  import_id: number
  status: string
  created: number
}

export const downloadTemplate = (): Promise<Download> => download('/people/imports/template', 'people-template.xlsx')
/** Refusals (no rows, too many rows, a row the server cannot read) are shown by the wizard itself. */
export const previewImport = (rows: ImportRow[]) =>
  post<ImportPreview>('/people/imports/preview', { rows }, { silent: true, timeoutMs: 120_000 })
export const commitImport = (rows: ImportRow[], mode: ImportMode, idempotencyKey: string) =>
  post<ImportResult>('/people/imports', { rows, mode }, { silent: true, timeoutMs: 120_000, headers: { 'Idempotency-Key': idempotencyKey } })
export const undoImport = (id: number) => post<ImportUndo>(`/people/imports/${encodeURIComponent(String(id))}/undo`, undefined, { silent: true })
