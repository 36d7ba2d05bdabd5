import { describe, expect, it } from 'vitest'
import { actionKey, detailLines, detailText } from './detail'

describe('audit detail as text', () => {
  it.each([
    ['flat object', { reason: 'invalid_credentials', failures: 2 }, ['reason: invalid_credentials', 'failures: 2']],
    ['nested object', { from: { parent_id: 3 }, to_parent_id: 9 }, ['from.parent_id: 3', 'to_parent_id: 9']],
    ['array of values', { fields: ['id_card', 'phone'] }, ['fields: id_card, phone']],
    ['array of objects', { items: [{ name: 'a' }, { name: 'b' }] }, ['items[0].name: a', 'items[1].name: b']],
    ['null, empty text, booleans', { until: null, name: '', ok: true }, ['until: —', 'name: ""', 'ok: true']],
    ['empty object', {}, []],
    ['nested empty object', { extra: {} }, ['extra: {}']],
    ['null detail', null, []],
    ['not an object', 'text', ['text']],
  ])('%s', (_name, detail, expected) => {
    expect(detailLines(detail).map((l) => (l.key ? `${l.key}: ${l.value}` : l.value))).toEqual(expected)
  })

  it('markup in values stays text (the page interpolates, never v-html)', () => {
    expect(detailText({ name: '<b>x</b>' })).toBe('name: <b>x</b>')
  })

  it('action codes map to message keys', () => {
    expect(actionKey('auth.login')).toBe('auditAction.auth_login')
    expect(actionKey('people.sensitive_read')).toBe('auditAction.people_sensitive_read')
  })
})
