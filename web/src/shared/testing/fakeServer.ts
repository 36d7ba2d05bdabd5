// For unit tests: a fetch stand-in that answers by "METHOD /path" and records what was sent.
import { vi } from 'vitest'

export type Handler = (body: unknown, init: RequestInit | undefined) => Response | Promise<Response>

export function json(status: number, body?: unknown): Response {
  return body === undefined ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { error: { code, message, request_id: 'req-test', ...extra } })
}

export interface FakeServer {
  /** Sets (or replaces) the answer for "METHOD /api/v1/path". */
  on(route: string, handler: Handler | Response): void
  calls: { route: string; body: unknown }[]
}

export function fakeServer(): FakeServer {
  const handlers = new Map<string, Handler>()
  const calls: { route: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const route = `${init?.method ?? 'GET'} ${url}`
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      calls.push({ route, body })
      const handler = handlers.get(route)
      if (!handler) return apiError(404, 'route_not_found', `no handler for ${route}`)
      return handler(body, init)
    }),
  )
  return {
    on(route, handler) {
      // A Response body can be read once: hand out a fresh copy each time.
      handlers.set(route, handler instanceof Response ? () => handler.clone() : handler)
    },
    calls,
  }
}

export const ADMIN = {
  id: 3,
  username: 'admin',
  display_name: '组织部管理员',
  person_id: null,
  roles: [{ code: 'org_admin', name: '组织部管理员', org_node_id: 1, org_node_name: '江滨市', scope: 'subtree' }],
  permissions: ['org.read', 'people.read'],
  must_change_password: false,
  password_expires_at: '2027-02-27T00:00:00Z',
  totp_enabled: false,
  demo: true,
}
