import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../i18n'
import { cellText, columnFor, columnLabel, errorsByRow, excelSerialDate, IMPORT_COLUMNS, normaliseDateText, rowsFromSheet, type SheetRow } from './importSheet'

afterEach(() => setLocale('zh-CN'))

const HEADER = ['姓名*', '性别*', '民族*', '出生日期*', '身份证号', '手机号码', '单位*', '党支部', '职务', '职级', '政治面貌*']
const row = (number: number, ...cells: unknown[]): SheetRow => ({ number, cells: cells as SheetRow['cells'] })
const person = (name: string, birth: unknown = '1990-05-01') => [name, '男', '汉族', birth, null, null, '市教育局', null, null, null, '正式党员']

describe('the import columns', () => {
  it('are the server template: 16 columns, these six required', () => {
    expect(IMPORT_COLUMNS).toHaveLength(16)
    expect(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(['name', 'gender', 'ethnicity', 'birth_date', 'unit', 'party_status'])
  })

  it.each([
    ['姓名', 'name'],
    ['姓名*', 'name'],
    [' 出生 日期 ＊', 'birth_date'],
    ['*单位', 'unit'],
    ['party_status', 'party_status'],
    ['ID_CARD', 'id_card'],
    ['备注', null],
    ['', null],
  ])('the title %j is column %j', (title, key) => {
    expect(columnFor(title)?.key ?? null).toBe(key)
  })

  it('server errors name columns by their Chinese title; English shows its own label', () => {
    expect(columnLabel('出生日期')).toBe('出生日期')
    setLocale('en')
    expect(columnLabel('出生日期')).toBe('Date of birth')
    expect(columnLabel('不认识')).toBe('不认识')
  })
})

describe('a cell as text', () => {
  const date = IMPORT_COLUMNS.find((c) => c.key === 'birth_date')!
  const idCard = IMPORT_COLUMNS.find((c) => c.key === 'id_card')!
  const phone = IMPORT_COLUMNS.find((c) => c.key === 'phone')!
  const name = IMPORT_COLUMNS.find((c) => c.key === 'name')!

  it.each<[string, unknown, typeof name, object]>([
    ['empty', null, name, { text: '' }],
    ['undefined', undefined, name, { text: '' }],
    ['text is trimmed', '  王芳 ', name, { text: '王芳' }],
    ['a date cell (exceljs gives UTC midnight)', new Date(Date.UTC(1990, 4, 1)), date, { text: '1990-05-01' }],
    ['a date as slashes', '1992/7/15', date, { text: '1992-07-15' }],
    ['a date in Chinese', '1992年7月5日', date, { text: '1992-07-05' }],
    ['a date as dots', '1992.07.05', date, { text: '1992-07-05' }],
    ['a wrong date is left for the server to name', '1990-13-01', date, { text: '1990-13-01' }],
    ['an Excel day number in a date column', 33000, date, { text: '1990-05-07' }],
    ['a phone number typed as a number', 13912345678, phone, { text: '13912345678' }],
    ['a 15-digit ID number still fits a number', 330203900501123, idCard, { text: '330203900501123' }],
    ['a boolean', true, name, { text: 'TRUE' }],
    ['rich text', { richText: [{ text: '王' }, { text: '芳' }] }, name, { text: '王芳' }],
    ['a link', { text: '王芳', hyperlink: 'mailto:x@example.org' }, name, { text: '王芳' }],
    ['a formula with its value', { formula: 'A1', result: '王芳' }, name, { text: '王芳' }],
    ['a shared formula with a date value', { sharedFormula: 'D2', result: new Date(Date.UTC(2001, 0, 2)) }, date, { text: '2001-01-02' }],
  ])('%s', (_what, value, column, expected) => {
    expect(cellText(value, column)).toEqual(expected)
  })

  it.each<[string, unknown, typeof name, string]>([
    ['an 18-digit ID number Excel made a number', 330203199503011236, idCard, '末几位已丢失'],
    ['an error value', { error: '#N/A' }, name, '错误值 #N/A'],
    ['a formula never computed', { formula: 'A1' }, name, '公式没有计算结果'],
    ['something unknown', { foo: 1 }, name, '无法读取'],
    ['an invalid date object', new Date('x'), date, '无法读取'],
  ])('%s is a problem of its row', (_what, value, column, words) => {
    const cell = cellText(value, column)
    expect('problem' in cell && cell.problem).toContain(words)
  })

  it('Excel day numbers around the leap year Excel invented', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01')
    expect(excelSerialDate(59)).toBe('1900-02-28')
    expect(excelSerialDate(61)).toBe('1900-03-01')
    expect(excelSerialDate(45000.75)).toBe('2023-03-15')
    expect(excelSerialDate(0)).toBeNull()
    expect(normaliseDateText('明天')).toBe('明天')
  })
})

describe('rowsFromSheet', () => {
  it('reads the titles from the first row with anything in it and keys every data row by column', () => {
    const read = rowsFromSheet([row(1), row(2, ...HEADER), row(3, ...person('王芳')), row(5, ...person('李强', new Date(Date.UTC(1988, 11, 31))))])
    expect(read.headerRow).toBe(2)
    expect(read.missing).toEqual([])
    expect(read.total).toBe(2)
    expect(read.rows).toEqual([
      { row: 3, name: '王芳', gender: '男', ethnicity: '汉族', birth_date: '1990-05-01', unit: '市教育局', party_status: '正式党员' },
      { row: 5, name: '李强', gender: '男', ethnicity: '汉族', birth_date: '1988-12-31', unit: '市教育局', party_status: '正式党员' },
    ])
    expect(read.names).toEqual({ 3: '王芳', 5: '李强' })
  })

  it('columns in another order, unknown and repeated titles ignored, blank rows skipped', () => {
    const read = rowsFromSheet([
      row(1, '政治面貌', '备注', '单位', '姓名', '性别', '民族', '出生日期', '姓名'),
      row(2, '群众', '不导入', '市教育局', '张三', '女', '汉族', '1999-09-09', '李四'),
      row(3, null, '', '  '),
      row(4, null, '只有备注'),
    ])
    expect(read.ignored).toEqual(['备注', '姓名'])
    expect(read.total).toBe(1)
    expect(read.rows).toEqual([{ row: 2, party_status: '群众', unit: '市教育局', name: '张三', gender: '女', ethnicity: '汉族', birth_date: '1999-09-09' }])
  })

  it('missing required columns are named; nothing is read without titles', () => {
    expect(rowsFromSheet([row(1, '姓名', '电话'), row(2, '张三', '1')]).missing).toEqual(['性别', '民族', '出生日期', '单位', '政治面貌'])
    const empty = rowsFromSheet([])
    expect(empty.total).toBe(0)
    expect(empty.missing).toHaveLength(6)
  })

  it('a row with a bad cell is held back with the problem by row and column; the others go', () => {
    const idNumber = [...person('赵六')]
    idNumber[4] = 330203199503011236
    const broken = [...person('钱七')]
    broken[1] = { error: '#REF!' }
    const long = [...person('孙八')]
    long[8] = '长'.repeat(201)
    const read = rowsFromSheet([row(1, ...HEADER), row(2, ...person('王芳')), row(3, ...idNumber), row(4, ...broken), row(5, ...long)])
    expect(read.total).toBe(4)
    expect(read.badRows).toBe(3)
    expect(read.rows.map((r) => r.row)).toEqual([2])
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '身份证号'],
      [4, '性别'],
      [5, '职务'],
    ])
    expect(read.problems[2].message).toBe('内容过长（最多 60 个字）')
    expect(read.names[4]).toBe('钱七')
  })

  it('60 to 200 characters are sent: the server names the row', () => {
    const long = [...person('周九')]
    long[8] = '长'.repeat(200)
    expect(rowsFromSheet([row(1, ...HEADER), row(2, ...long)]).rows[0].position).toHaveLength(200)
  })
})

describe('errorsByRow', () => {
  it('puts the browser and server errors of a row together, rows in order, cells in column order, no repeats', () => {
    const grouped = errorsByRow(
      [
        { row: 7, column: '单位', message: '单位不存在或不在您的管理范围内' },
        { row: 3, column: '出生日期', message: '应为 YYYY-MM-DD 格式的真实日期' },
        { row: 3, column: '姓名', message: '必须填写' },
        { row: 7, column: '性别', message: '只能填 男 或 女' },
        { row: 7, column: '性别', message: '只能填 男 或 女' },
      ],
      { 7: '李四' },
    )
    expect(grouped).toEqual([
      { row: 3, name: '', items: [{ column: '姓名', message: '必须填写' }, { column: '出生日期', message: '应为 YYYY-MM-DD 格式的真实日期' }] },
      { row: 7, name: '李四', items: [{ column: '性别', message: '只能填 男 或 女' }, { column: '单位', message: '单位不存在或不在您的管理范围内' }] },
    ])
  })
})
