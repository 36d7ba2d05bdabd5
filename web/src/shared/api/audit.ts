// The audit log, for the audit administrator only (permission audit.read).
import { get, type Query } from './client'
import type { Page } from './people'

export type AuditResult = 'success' | 'failure' | 'denied'

export interface AuditRow {
  id: number
  /** ISO-8601 UTC with milliseconds. */
  at: string
  account_id: number
  username: string
  action: string
  target_type: string
  target_id: string
  result: AuditResult
  ip: string
  request_id: string
  detail: unknown
}

export interface AuditFilter {
  /** ISO-8601 UTC, inclusive. */
  from?: string
  /** ISO-8601 UTC, exclusive. */
  to?: string
  username?: string
  /** A prefix: "auth." matches every sign-in action. */
  action?: string
  result?: AuditResult | ''
}

export function auditQuery(filter: AuditFilter): Query {
  const q: Query = {}
  if (filter.from) q.from = filter.from
  if (filter.to) q.to = filter.to
  const username = filter.username?.trim()
  if (username) q.username = username
  const action = filter.action?.trim()
  if (action) q.action = action
  if (filter.result) q.result = filter.result
  return q
}

export const fetchAuditLogs = (filter: AuditFilter, page: number, pageSize: number) =>
  get<Page<AuditRow>>('/audit/logs', { query: { ...auditQuery(filter), page, page_size: pageSize } })
