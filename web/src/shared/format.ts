// Dates are stored in UTC and always shown in Beijing time, whatever the browser's own zone.
const SHANGHAI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** "2026-11-29T10:00:00Z" → "2026-11-29 18:00:00". Unreadable input is returned as it came. */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return String(value)
  const parts = SHANGHAI.formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

/** Only the clock part, for "checked at 18:00:05". */
export function formatTime(value: string | Date): string {
  return formatDateTime(value).slice(11)
}

/**
 * A moment soon to come, in Beijing time: "18:30" when it falls on today's date there, else "2026-11-30 18:30".
 * Unreadable input is returned as it came.
 */
export function formatUntil(value: string | Date, now: Date = new Date()): string {
  const when = formatDateTime(value)
  if (when === String(value)) return when
  const today = formatDateTime(now).slice(0, 10)
  return when.slice(0, 10) === today ? when.slice(11, 16) : when.slice(0, 16)
}

/** Only the date part, "2027-02-27". */
export function formatDate(value: string | Date): string {
  return formatDateTime(value).slice(0, 10)
}

/**
 * "2026-11-29 18:00:00" read as Beijing time → "2026-11-29T10:00:00.000Z", the form the server stores and compares.
 * Empty or unreadable input gives ''.
 */
export function beijingToIso(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value?.trim() ?? '')
  if (!m) return ''
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s))
  return Number.isNaN(utc) ? '' : new Date(utc).toISOString()
}
