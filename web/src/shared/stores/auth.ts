// Who is signed in. Both shells load it once at start (the route guard waits for it) and keep it as the server
// says: the session is an HttpOnly cookie, so GET /auth/me is the only way to know it.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '../api/auth'
import type { LoginInput, Me } from '../api/auth'
import { toApiError } from '../api/error'

export const useAuthStore = defineStore('auth', () => {
  const me = ref<Me | null>(null)
  /** The first GET /auth/me has answered (or failed). */
  const loaded = ref(false)
  /**
   * false while the server has no sign-in yet (GET /auth/me answers 404): the app then works as it did before
   * sign-in existed, without a login page. Any other answer means the server has it.
   */
  const available = ref(true)
  /** GET /auth/me failed for another reason than "not signed in" (no connection, server error). */
  const loadProblem = ref('')
  /** Why the user was sent to the login page (e.g. the session expired): the server's message, shown there. */
  const notice = ref('')
  /** A call was refused with 403 password_change_required although `me` did not say so (yet). */
  const passwordChangeRequired = ref(false)
  let pending: Promise<void> | null = null

  const signedIn = computed(() => me.value !== null)
  const mustChangePassword = computed(() => me.value !== null && (me.value.must_change_password || passwordChangeRequired.value))
  const primaryRole = computed(() => me.value?.roles[0] ?? null)
  /** The organisation the user works in: that of their first role. */
  const currentOrg = computed(() => primaryRole.value?.org_node_name ?? '')
  const roleNames = computed(() => [...new Set((me.value?.roles ?? []).map((r) => r.name))])

  function can(permission: string): boolean {
    return me.value?.permissions.includes(permission) ?? false
  }

  async function load(): Promise<void> {
    try {
      me.value = await authApi.fetchMe()
      available.value = true
      loadProblem.value = ''
    } catch (err) {
      const e = toApiError(err)
      me.value = null
      if (e.status === 401) {
        // Simply not signed in.
        available.value = true
        loadProblem.value = ''
      } else if (e.status === 404) {
        available.value = false
        loadProblem.value = ''
      } else {
        available.value = true
        loadProblem.value = e.message
      }
    } finally {
      loaded.value = true
    }
  }

  /** Loads once; every route change waits for the same first answer. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= load().finally(() => {
      pending = null
    })
    return pending
  }

  /** Signs in; an ApiError (invalid_credentials, totp_required, …) is for the login form to show. */
  async function login(input: LoginInput): Promise<Me> {
    const user = await authApi.login(input)
    me.value = user
    loaded.value = true
    available.value = true
    loadProblem.value = ''
    notice.value = ''
    passwordChangeRequired.value = false
    return user
  }

  function clear(): void {
    me.value = null
    passwordChangeRequired.value = false
  }

  /** Ends this session. A session the server no longer knows counts as ended; other failures are thrown. */
  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } catch (err) {
      if (toApiError(err).status !== 401) throw err
    }
    clear()
    notice.value = ''
  }

  /** Changes the password, then refreshes `me` (must_change_password, password_expires_at). */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(currentPassword, newPassword)
    passwordChangeRequired.value = false
    if (me.value) me.value = { ...me.value, must_change_password: false }
    try {
      me.value = await authApi.fetchMe()
    } catch {
      // the change is done; the next page load refreshes the rest
    }
  }

  /** Any call answered 401 session_expired / unauthenticated. */
  function sessionLost(message: string): void {
    clear()
    notice.value = message
  }

  function requirePasswordChange(): void {
    passwordChangeRequired.value = true
  }

  return {
    me,
    loaded,
    available,
    loadProblem,
    notice,
    passwordChangeRequired,
    signedIn,
    mustChangePassword,
    primaryRole,
    currentOrg,
    roleNames,
    can,
    load,
    ensureLoaded,
    login,
    logout,
    changePassword,
    clear,
    sessionLost,
    requirePasswordChange,
  }
})

export type AuthStore = ReturnType<typeof useAuthStore>
