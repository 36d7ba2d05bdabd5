import { describe, expect, it } from 'vitest'
import type { CaseSummary, Warning } from '../api/party'
import { casesByStage, countLevels, daysBetween, daysText, sortWarnings } from './warnings'

const w = (person_name: string, level: Warning['level'], due: string, kind = 'talk', step_no = 2): Warning => ({
  case_id: 1,
  person_id: 1,
  person_name,
  unit_name: '市教育局',
  branch_name: null,
  kind,
  level,
  due,
  days_left: 0,
  step_no,
  step_name: '',
})

describe('days left in words', () => {
  it.each([
    [-12, '已逾期 12 天'],
    [0, '今天到期'],
    [5, '还剩 5 天'],
  ])('%i → %s', (n, text) => {
    expect(daysText(n)).toBe(text)
  })

  it.each([
    ['2026-05-15', '2026-05-15', 0],
    ['2026-05-15', '2026-06-14', 30],
    ['2026-03-01', '2026-02-27', -2],
    ['2024-02-28', '2024-03-01', 2],
  ])('from %s to %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n)
  })
})

describe('the to-do list order', () => {
  const rows = [w('赵', 'due_soon', '2026-06-01', 'assessment', 6), w('钱', 'overdue', '2026-05-01', 'talk', 2), w('孙', 'due_soon', '2026-05-20', 'contacts', 5), w('李', 'overdue', '2026-05-01', 'approval', 17)]
  const names = (list: Warning[]) => list.map((x) => x.person_name)

  it('by due date, the most urgent first; equal dates by name', () => {
    expect(names(sortWarnings(rows))).toEqual(['李', '钱', '孙', '赵'])
    expect(names(sortWarnings(rows, 'due', 'descending'))).toEqual(['赵', '孙', '李', '钱'])
  })

  it('by level: overdue first, then by due date', () => {
    expect(names(sortWarnings(rows, 'level'))).toEqual(['李', '钱', '孙', '赵'])
    expect(names(sortWarnings(rows, 'level', 'descending'))).toEqual(['孙', '赵', '李', '钱'])
  })

  it('by step and by matter', () => {
    expect(names(sortWarnings(rows, 'step_no'))).toEqual(['钱', '孙', '赵', '李'])
    expect(names(sortWarnings(rows, 'kind'))).toEqual(['赵', '钱', '李', '孙']) // 半年考察, 入党谈话, 上级党委审批, 指定培养联系人
  })

  it('does not change the list it was given; counts the levels', () => {
    const copy = [...rows]
    sortWarnings(rows, 'person_name')
    expect(rows).toEqual(copy)
    expect(countLevels(rows)).toEqual({ overdue: 2, due_soon: 2 })
  })
})

describe('the board', () => {
  const c = (id: number, stage: number, warning_level: CaseSummary['warning_level'], due: string | null, person_name = `p${id}`) =>
    ({ id, stage, warning_level, person_name, next_step: due ? { due } : null }) as CaseSummary

  it('groups cases by stage, overdue then due soon then the rest, then by due date', () => {
    const board = casesByStage([c(1, 2, null, '2026-05-01'), c(2, 2, 'due_soon', '2026-06-01'), c(3, 2, 'overdue', null), c(4, 5, null, null), c(5, 2, null, '2026-04-01')])
    expect([...board.keys()]).toEqual([1, 2, 3, 4, 5])
    expect(board.get(2)!.map((x) => x.id)).toEqual([3, 2, 5, 1])
    expect(board.get(5)!.map((x) => x.id)).toEqual([4])
    expect(board.get(1)).toEqual([])
  })
})
