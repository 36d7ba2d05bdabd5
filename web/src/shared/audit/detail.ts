// An audit row's detail object as lines of "key: value" text, for people to read (never as HTML).
export interface DetailLine {
  key: string
  value: string
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value === '' ? '""' : value
  return String(value)
}

/**
 * Nested objects become dotted keys ("from.parent_id"); arrays of plain values are joined with ", ", arrays of
 * objects are numbered ("items[0].name"). A detail that is not an object is one line with an empty key.
 */
export function detailLines(detail: unknown): DetailLine[] {
  const out: DetailLine[] = []
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) out.push({ key, value: value.map(scalar).join(', ') || '[]' })
      else value.forEach((v, i) => walk(v, `${key}[${i}]`))
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
      if (entries.length === 0 && key) out.push({ key, value: '{}' })
      for (const [k, v] of entries) walk(v, key ? `${key}.${k}` : k)
    } else {
      out.push({ key, value: scalar(value) })
    }
  }
  if (detail === null || detail === undefined) return out
  walk(detail, '')
  return out
}

/** The same as one line of text, for a cell or a tooltip. */
export function detailText(detail: unknown): string {
  return detailLines(detail)
    .map((l) => (l.key ? `${l.key}: ${l.value}` : l.value))
    .join('; ')
}

/** The action's words when the interface knows it (auth.login → 登录), else the code itself. */
export function actionKey(action: string): string {
  return `auditAction.${action.replace(/\./g, '_')}`
}
