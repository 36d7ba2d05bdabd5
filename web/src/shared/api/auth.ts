// Sign-in, the signed-in user and their sessions. The session itself is an HttpOnly cookie the page never sees.
import { del, get, post } from './client'

export interface RoleGrant {
  code: string
  name: string
  org_node_id: number
  org_node_name: string
  /** "subtree": the node and everything under it; other values as the server defines them. */
  scope: string
}

/** The signed-in user, from GET /auth/me and POST /auth/login. */
export interface Me {
  id: number
  username: string
  display_name: string
  person_id: number | null
  roles: RoleGrant[]
  permissions: string[]
  must_change_password: boolean
  /** ISO-8601 UTC; null when the password does not expire. */
  password_expires_at: string | null
  totp_enabled: boolean
  demo: boolean
}

export interface LoginInput {
  username: string
  password: string
  /** The 6-digit authenticator code, once the server answered totp_required. */
  totp?: string
}

export interface Session {
  id: number
  created_at: string
  last_seen_at: string
  ip: string
  user_agent: string
  /** The session of this browser. */
  current: boolean
}

// Asking who is signed in, signing in and out answer 401 as part of their job: the global "session ended"
// handling stays out of them. The forms show their errors inline.
const own = { silent: true, authHandling: false } as const

export const fetchMe = () => get<Me>('/auth/me', own)
export const login = (input: LoginInput) => post<Me>('/auth/login', input, own)
export const logout = () => post<void>('/auth/logout', undefined, own)
export const changePassword = (currentPassword: string, newPassword: string) =>
  post<void>('/auth/password', { current_password: currentPassword, new_password: newPassword }, { silent: true })
export const fetchSessions = () => get<{ items: Session[] }>('/auth/sessions', { silent: true })
export const endSession = (id: number) => del<void>(`/auth/sessions/${encodeURIComponent(String(id))}`)
