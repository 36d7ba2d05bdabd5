import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../i18n'
import { importRefusal } from './importErrors'
import { forgetImport, recalledImport, rememberImport } from './lastImport'

afterEach(() => setLocale('zh-CN'))

describe('importRefusal', () => {
  it.each([
    [{ code: 'not_last_import', message: 'x', status: 409 }, '只能撤销最近一次导入'],
    [{ code: 'import_changed', message: 'x', status: 409 }, '已被修改，不能撤销'],
    [{ code: 'import_has_errors', message: '有 2 行数据有误，未导入任何数据', status: 422 }, '有 2 行数据有误，未导入任何数据。数据可能已有变化'],
    [{ code: 'payload_too_large', message: 'x', status: 413 }, '分成几个文件'],
    [{ code: 'not_found', message: '导入记录不存在', status: 404 }, '不是您的导入'],
    [{ code: 'validation_failed', message: '一次最多导入 5000 行', status: 400 }, '一次最多导入 5000 行'],
    [{ code: 'odd', message: '', status: 500 }, '未能完成（odd）'],
  ])('%o', (error, words) => {
    expect(importRefusal(error)).toContain(words)
  })
})

describe('the last import kept for undo', () => {
  beforeEach(() => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is kept per user and forgotten after the undo', () => {
    rememberImport('admin', { id: 4, created: 3, at: '2026-11-29T10:00:00Z' })
    expect(recalledImport('admin')).toEqual({ id: 4, created: 3, at: '2026-11-29T10:00:00Z' })
    expect(recalledImport('unitadmin')).toBeNull()
    forgetImport('admin')
    expect(recalledImport('admin')).toBeNull()
  })

  it('something else under the key is nothing', () => {
    localStorage.setItem('xinhuo.lastImport.admin', '{"id":"4"}')
    expect(recalledImport('admin')).toBeNull()
    localStorage.setItem('xinhuo.lastImport.admin', 'not json')
    expect(recalledImport('admin')).toBeNull()
  })
})
