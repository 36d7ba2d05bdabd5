// The server's own state: health and version. Used by both home pages until sign-in exists.
import { get, type RequestOptions } from './client'

export interface Health {
  status: string
}

export type DatabaseKind = 'sqlite' | 'postgresql'

export interface SystemInfo {
  name: string
  version: string
  database: DatabaseKind
  schema_version: number
  demo: boolean
  /** ISO-8601 UTC timestamp of the server's clock. */
  time: string
}

export const fetchHealth = (options?: RequestOptions) => get<Health>('/healthz', { ...options, base: '' })
export const fetchSystemInfo = (options?: RequestOptions) => get<SystemInfo>('/system/info', options)
