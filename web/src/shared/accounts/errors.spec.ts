import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/error'
import { setLocale } from '../i18n'
import { accountErrorText, accountRefusal, formField } from './errors'
import { permissionLabel, scopeLabel } from './labels'

afterEach(() => setLocale('zh-CN'))

const error = (code: string, message = '服务器的说法', field?: string, status = 409) => new ApiError({ status, code, message, field })

describe('accountRefusal', () => {
  it.each([
    ['separation_of_duties', '三员分立'],
    ['own_account', '另一名安全管理员'],
    ['username_taken', '用户名已被使用'],
    ['code_taken', '角色编码已被使用'],
    ['unchanged', '已是该状态'],
    ['not_found', '请刷新'],
    ['forbidden', '没有执行此操作的权限'],
  ])('%s is said in our words', (code, words) => {
    expect(accountRefusal(code, 'x')).toContain(words)
  })

  it("other codes keep the server's message, or name the code without one", () => {
    expect(accountErrorText(error('rate_limited', '操作过于频繁'))).toBe('操作过于频繁')
    expect(accountRefusal('strange', '')).toBe('未能完成（strange）')
  })

  it('speaks English when the user does', () => {
    setLocale('en')
    expect(accountRefusal('separation_of_duties')).toContain('Separation of duties')
  })
})

describe('formField', () => {
  const fields = ['username', 'role', 'org_node_id']
  it('a validation error lands on its field, with or without the grant. prefix of the create call', () => {
    expect(formField(error('validation_failed', '组织不存在', 'org_node_id', 400), fields)).toBe('org_node_id')
    expect(formField(error('validation_failed', '字段必须填写', 'grant.role', 400), fields)).toBe('role')
    expect(formField(error('validation_failed', '?', 'rows[2].name', 400), fields)).toBeNull()
    expect(formField(error('username_taken', '用户名已被使用', 'username'), fields)).toBeNull() // a conflict, shown above the form
  })
})

describe('labels', () => {
  it('scopes and permissions in words; unknown codes as they are', () => {
    expect(scopeLabel('subtree')).toBe('本部门及以下')
    expect(permissionLabel('people.read_sensitive')).toBe('查看完整证件号和手机号')
    expect(permissionLabel('new.thing')).toBe('new.thing')
  })
})
