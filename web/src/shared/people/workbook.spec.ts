import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { rowsFromSheet } from './importSheet'
import { readFirstSheet, UnreadableWorkbook } from './workbook'

async function bytes(fill: (book: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook()
  fill(book)
  const buffer = await book.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer).slice().buffer
}

describe('readFirstSheet with exceljs', () => {
  it('reads a workbook as a person fills in the template: dates, numbers, formulas, gaps', async () => {
    const data = await bytes((book) => {
      const hidden = book.addWorksheet('说明')
      hidden.state = 'hidden'
      hidden.addRow(['这张表不读'])
      const sheet = book.addWorksheet('人员')
      sheet.addRow(['姓名*', '性别*', '民族*', '出生日期*', '手机号码', '单位*', '政治面貌*'])
      sheet.addRow(['王芳', '女', '汉族', new Date(Date.UTC(1991, 6, 1)), 13912345678, '市教育局', '正式党员'])
      sheet.addRow([])
      sheet.getCell('A4').value = { formula: 'A2&"二"', result: '王芳二' }
      sheet.getCell('B4').value = '女'
      sheet.getCell('C4').value = '回族'
      sheet.getCell('D4').value = '1992/2/3'
      sheet.getCell('F4').value = '市教育局'
      sheet.getCell('G4').value = '群众'
    })
    const sheet = await readFirstSheet(data)
    expect(sheet.name).toBe('人员')
    expect(sheet.rows.map((r) => r.number)).toEqual([1, 2, 4])
    const read = rowsFromSheet(sheet.rows)
    expect(read.rows).toEqual([
      { row: 2, name: '王芳', gender: '女', ethnicity: '汉族', birth_date: '1991-07-01', phone: '13912345678', unit: '市教育局', party_status: '正式党员' },
      { row: 4, name: '王芳二', gender: '女', ethnicity: '回族', birth_date: '1992-02-03', unit: '市教育局', party_status: '群众' },
    ])
  })

  it('a file that is not an .xlsx is UnreadableWorkbook', async () => {
    const text = new TextEncoder().encode('姓名,性别\n张三,男\n')
    await expect(readFirstSheet(text.buffer)).rejects.toBeInstanceOf(UnreadableWorkbook)
  })
})
