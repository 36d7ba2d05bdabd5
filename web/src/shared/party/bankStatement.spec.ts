import { describe, expect, it } from 'vitest'
import type { SheetRow } from '../people/importSheet'
import {
  batchRows, findHeader, maskIdCard, outcomes, parseAmount, parseDate, parseMonths, previewRows, readStatement, type MatchItem,
} from './bankStatement'

const ID = '330203199503011236'
/** A bank's export: its own lines above the titles, the bank's column names, a blank row, a total line without a name. */
const sheet = (rows: unknown[][]): SheetRow[] => [
  { number: 1, cells: ['中国建设银行 单位账户交易明细'] },
  { number: 2, cells: ['账号：3300 1234 5678', '', '币种：人民币'] },
  { number: 4, cells: ['交易日期', '户名', '证件号码', '所属月份', '交易金额（元）', '摘要'] },
  ...rows.map((cells, i) => ({ number: 5 + i, cells: cells as SheetRow['cells'] })),
]
const matched = (row: number, over: Partial<MatchItem> = {}): MatchItem => ({
  row, status: 'matched', person_id: 7, name: '王晓', unit_name: '市教育局', branch_name: '第一党支部', first_month: '2026-03',
  bases: [{ year: 2026, from_month: '2026-03', amount_cents: 12000 }], paid: ['2026-09'], ...over,
})

describe('reading a bank statement', () => {
  it('finds the title row below the bank’s own lines and knows the bank’s column names', () => {
    const header = findHeader(sheet([]))
    expect(header?.row.number).toBe(4)
    expect([...header!.columns.values()]).toEqual(['paid_on', 'name', 'id_card', 'months', 'amount', 'note'])
  })

  it('reads good rows: dates, months and amounts in the forms people and banks write them', () => {
    const read = readStatement(sheet([
      [new Date(Date.UTC(2026, 10, 5)), '王晓', ID, '2026-10', 120, '代扣10月党费'],
      ['2026/11/5', '李敏', '', '2026年7月至2026年9月', '¥360.00', ''],
      [],
      ['20261105', '赵同', '', '2026-07,2026-08', '240', ''],
    ]))
    expect(read.headerRow).toBe(4)
    expect(read.problems).toEqual([])
    expect(read.total).toBe(3)
    expect(read.rows.map((r) => [r.row, r.paid_on, r.months, r.amount_cents])).toEqual([
      [5, '2026-11-05', ['2026-10'], 12000],
      [6, '2026-11-05', ['2026-07', '2026-08', '2026-09'], 36000],
      [8, '2026-11-05', ['2026-07', '2026-08'], 24000],
    ])
    expect(read.rows[0]!.id_card).toBe(ID)
    expect(read.rows[0]!.note).toBe('代扣10月党费')
  })

  it('keeps back a row with a bad amount or a wrong date, naming the row and the column', () => {
    const read = readStatement(sheet([
      ['2026-11-05', '王晓', ID, '2026-10', '一百二', ''],
      ['2026-11-05', '王晓', ID, '2026-10', -120, ''],
      ['2026-11-05', '王晓', ID, '2026-10', '120.005', ''],
      ['11/05/2026', '王晓', ID, '2026-10', 120, ''],
      ['2026-02-30', '王晓', ID, '2026-13', 120, ''],
      ['2026-11-05', '', '', '2026-10', 120, ''],
      ['2026-11-05', '王晓', 330203199503011236, '2026-10', 120, ''],
    ]))
    expect(read.rows).toEqual([])
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [5, '金额'], [6, '金额'], [7, '金额'], [8, '缴纳日期'], [9, '缴费月份'], [9, '缴纳日期'], [10, '身份证号'], [11, '身份证号'],
    ])
    expect(read.problems[3]!.message).toContain('2026-11-05')
  })

  it('names the required columns a sheet lacks, and finds no title row in a sheet of numbers', () => {
    expect(readStatement([{ number: 1, cells: ['户名', '交易金额', '摘要'] }]).missing).toEqual(['缴费月份', '缴纳日期'])
    expect(readStatement([{ number: 1, cells: [1, 2, 3] }]).headerRow).toBe(0)
  })

  it.each([
    ['2026-3', ['2026-03']],
    ['202603', ['2026-03']],
    [202603, ['2026-03']],
    ['2026.03~2026.04', ['2026-03', '2026-04']],
    ['2026-03、2026-05', ['2026-03', '2026-05']],
    ['2026-05至2026-03', null],
    ['三月', null],
  ])('months %s', (cell, months) => {
    expect(parseMonths(cell)).toEqual(months)
  })

  it('reads amounts and dates strictly', () => {
    expect(parseAmount('1,200.50元')).toBe(120050)
    expect(parseAmount(0)).toBeNull()
    expect(parseAmount(45.678)).toBeNull()
    expect(parseDate(46331)).toBe('2026-11-05')
    expect(parseDate('2026年11月5日')).toBe('2026-11-05')
    expect(parseDate('2026-11-05 09:31:00')).toBe('2026-11-05')
    expect(parseDate('05.11.2026')).toBeNull()
  })
})

describe('the preview of the rows with their members', () => {
  const rows = readStatement(sheet([
    ['2026-11-05', '王晓', ID, '2026-10', 120, ''],              // 5: good
    ['2026-11-05', '王晓', ID, '2026-10至2026-11', 250, ''],     // 6: October again, and 125 a month is not the declared 120
    ['2026-11-05', '孙无', '', '2026-10', 120, ''],              // 7: unknown
    ['2026-11-05', '王晓', ID, '2026-09', 120, ''],              // 8: already paid
    ['2026-11-05', '王晓', ID, '2026-11', 130, ''],              // 9: differs
    ['2026-11-05', '王晓', ID, '2026-02', 120, ''],              // 10: before the first month owed
    ['2026-11-05', '王晓', ID, '2026-12至2027-01', 240.01, ''], // 11: does not split evenly
  ])).rows
  const matches = [matched(5), matched(6), { row: 7, status: 'unknown', message: '未找到该党员' } as MatchItem, matched(8), matched(9), matched(10), matched(11)]
  const preview = previewRows(rows, matches, '2026-11-29')
  const byRow = new Map(preview.map((p) => [p.row, p]))

  it('checks each row against the member’s declared amount and months', () => {
    expect(byRow.get(5)).toMatchObject({ person_id: 7, member: '王晓 · 市教育局 · 第一党支部', matches: true, declared_cents: 12000, problems: [] })
    expect(byRow.get(6)!.problems.map((p) => p.message)).toEqual(['2026-10 已在第 5 行缴纳'])
    expect(byRow.get(7)!.problems).toEqual([{ row: 7, column: '姓名', message: '未找到该党员' }])
    expect(byRow.get(8)!.problems[0]!.message).toBe('2026-09 的党费已缴纳')
    expect(byRow.get(9)).toMatchObject({ matches: false, declared_cents: 12000, per_month_cents: 13000, problems: [] })
    expect(byRow.get(10)!.problems[0]!.column).toBe('缴费月份')
    expect(byRow.get(11)!.problems[0]!).toMatchObject({ column: '金额', message: '金额不能平均分到 2 个月' })
  })

  it('records the good rows, those that differ only when asked, each month at the amount paid', () => {
    expect(batchRows(preview, false).map((r) => r.row)).toEqual([5])
    const all = batchRows(preview, true)
    expect(all.map((r) => r.row)).toEqual([5, 9])
    expect(all[1]).toEqual({ row: 9, person_id: 7, months: ['2026-11'], paid_on: '2026-11-05', method: 'bank_import', amount_cents: 13000 })
  })

  it('reports every row: recorded, refused by the server with its reason, or held back with its problems', () => {
    const sent = batchRows(preview, true)
    const result = outcomes(preview, sent, { recorded: 1, failed: [{ row: 9, field: 'months', message: '2026-11 的党费已缴纳' }] })
    expect(result.get(5)).toEqual({ state: 'recorded' })
    expect(result.get(9)).toEqual({ state: 'refused', reason: '2026-11 的党费已缴纳' })
    expect(result.get(7)).toEqual({ state: 'held', reason: '未找到该党员' })
    expect(result.size).toBe(preview.length)
  })

  it('masks the ID number on the page', () => {
    expect(maskIdCard(ID)).toBe('3302**********1236')
  })
})
