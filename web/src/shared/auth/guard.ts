// Route guard and the global handling of "session ended" / "password change required", for both shells.
// The decisions are plain functions (tested without a browser); installAuth wires them to a router.
import type { LocationQuery, RouteLocationRaw, RouteMeta, RouteRecordNameGeneric, Router } from 'vue-router'
import { setAuthFailureHandler, type ApiError } from '../api/error'
import type { AuthStore } from '../stores/auth'

/** What the guard needs to know about a route. */
export interface GuardTarget {
  name?: RouteRecordNameGeneric | null
  fullPath: string
  query: LocationQuery
  meta: RouteMeta
}

export interface AuthState {
  available: boolean
  signedIn: boolean
}

export interface AuthRoutes {
  /** Name of the login route. */
  login: string
  /** Path of the login route, never a place to return to. */
  loginPath: string
  /** Where to go after sign-in when no page was asked for. */
  home: string
  needsSignIn(to: GuardTarget): boolean
}

/**
 * The page to return to after sign-in, from the `redirect` query. Only a path of this app is accepted
 * (no "//host", no "https:", no backslash tricks), and never the login page itself.
 */
export function safeRedirect(raw: unknown, routes: Pick<AuthRoutes, 'home' | 'loginPath'>): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return routes.home
  const path = value.split(/[?#]/)[0]
  if (path === routes.loginPath || path === `${routes.loginPath}/`) return routes.home
  return value
}

/** The login page, remembering where the user was going (the home page needs no reminder). */
export function loginLocation(fullPath: string, routes: Pick<AuthRoutes, 'login' | 'home'>): RouteLocationRaw {
  return fullPath && fullPath !== routes.home ? { name: routes.login, query: { redirect: fullPath } } : { name: routes.login }
}

/** true: go on; otherwise where to go instead. */
export function authRedirect(to: GuardTarget, state: AuthState, routes: AuthRoutes): true | RouteLocationRaw {
  if (to.name === routes.login) {
    if (!state.available) return routes.home // nothing to sign in to yet
    if (state.signedIn) return safeRedirect(to.query.redirect, routes)
    return true
  }
  if (!state.available || state.signedIn || !routes.needsSignIn(to)) return true
  return loginLocation(to.fullPath, routes)
}

/** 401 session_expired / unauthenticated from any call other than the sign-in calls themselves. */
export function isSessionLost(err: ApiError): boolean {
  return err.status === 401 && (err.code === 'session_expired' || err.code === 'unauthenticated')
}

export function isPasswordChangeRequired(err: ApiError): boolean {
  return err.status === 403 && err.code === 'password_change_required'
}

/** Handles what any API call may answer about the session; true when it took care of the error. */
export function handleAuthError(err: ApiError, auth: AuthStore, router: Router, routes: AuthRoutes): boolean {
  if (isSessionLost(err)) {
    auth.sessionLost(err.message)
    const current = router.currentRoute.value
    if (current.name !== routes.login && routes.needsSignIn(current)) void router.replace(loginLocation(current.fullPath, routes))
    return true
  }
  if (isPasswordChangeRequired(err)) {
    auth.requirePasswordChange()
    return true
  }
  return false
}

/** Every navigation waits for the first GET /auth/me, then goes where authRedirect says. */
export function installAuth(router: Router, auth: AuthStore, routes: AuthRoutes): void {
  setAuthFailureHandler((err) => handleAuthError(err, auth, router, routes))
  router.beforeEach(async (to) => {
    await auth.ensureLoaded()
    return authRedirect(to, auth, routes)
  })
}
