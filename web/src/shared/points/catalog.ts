// The rule catalog as the console shows it: the latest version of each rule, grouped under its category, and a
// version turned back into the form's fields.
import type { Category, Rule, RuleInput } from '../api/points'

/** The newest version of each code (current, or retired when it was the last). */
export function latestVersions(all: readonly Rule[]): Rule[] {
  const latest = new Map<string, Rule>()
  for (const r of all) {
    const seen = latest.get(r.code)
    if (!seen || r.version > seen.version) latest.set(r.code, r)
  }
  return [...latest.values()]
}

export interface CategoryGroup {
  category: Category
  rules: Rule[]
}

/** Every category in catalog order with its rules (by name); a rule of an unknown category gets a group of its own. */
export function groupByCategory(rules: readonly Rule[], categories: readonly Category[]): CategoryGroup[] {
  const groups = [...categories]
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((category) => ({ category, rules: rules.filter((r) => r.category_code === category.code) }))
  const known = new Set(categories.map((c) => c.code))
  for (const code of new Set(rules.map((r) => r.category_code))) {
    if (!known.has(code)) groups.push({ category: { code, name: code, yearly_cap: null, sort_order: 999 }, rules: rules.filter((r) => r.category_code === code) })
  }
  for (const g of groups) g.rules.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  return groups
}

/** The body of POST/PUT /points/rules from a form: empty caps and an empty end date are left out. */
export function ruleBody(form: {
  category_code: string
  name: string
  points: number
  earn_mode: Rule['earn_mode']
  evidence_required: boolean
  second_approver: boolean
  applies_to: Rule['applies_to']
  valid_from: string
  valid_to: string | null
  cap_day: number | null
  cap_month: number | null
  cap_year: number | null
}): Omit<RuleInput, 'code'> {
  const body: Omit<RuleInput, 'code'> = {
    category_code: form.category_code,
    name: form.name.trim(),
    points: form.points,
    earn_mode: form.earn_mode,
    evidence_required: form.evidence_required,
    second_approver: form.second_approver,
    applies_to: form.applies_to,
    valid_from: form.valid_from,
  }
  if (form.valid_to) body.valid_to = form.valid_to
  if (form.cap_day) body.cap_day = form.cap_day
  if (form.cap_month) body.cap_month = form.cap_month
  if (form.cap_year) body.cap_year = form.cap_year
  return body
}
