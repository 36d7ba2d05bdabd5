// The typed HTTP client every page uses: JSON over fetch, the platform's headers, errors as ApiError.
import { currentLocale, t } from '../i18n'
import { ApiError, errorFromResponse, handleAuthFailure, networkError, reportError } from './error'

export { ApiError } from './error'

export const API_BASE = '/api/v1'
const DEFAULT_TIMEOUT_MS = 20_000

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  headers?: Record<string, string>
  /** Prefix for the path; '' for endpoints outside the API such as /healthz. */
  base?: string
  timeoutMs?: number
  /** The caller shows the error itself (inline); otherwise it goes to the shell's error reporter. */
  silent?: boolean
  /**
   * false: a 401 or 403 password_change_required is this call's own business (the sign-in calls), not a reason to
   * send the user to the login page or the forced password change.
   */
  authHandling?: boolean
}

export function buildUrl(base: string, path: string, query?: Query): string {
  let url = base + (path.startsWith('/') ? path : `/${path}`)
  if (query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.append(key, String(value))
    }
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

async function readBody<T>(res: Response): Promise<T> {
  const text = res.status === 204 ? '' : await res.text()
  if (text === '') return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError({ status: res.status, code: 'bad_response', message: t('error.badResponse') })
  }
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    // Marks the call as the app's own: the server answers JSON, never a login redirect, and CSRF checks pass.
    'X-Requested-With': 'XMLHttpRequest',
    ...options.headers,
  }
  let payload: BodyInit | undefined
  if (body instanceof FormData) {
    payload = body // the browser sets the multipart boundary
  } else if (body instanceof Blob) {
    payload = body // raw bytes (an uploaded photo), typed by the Blob itself
    headers['Content-Type'] = body.type || 'application/octet-stream'
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS)

  try {
    let res: Response
    try {
      res = await fetch(buildUrl(options.base ?? API_BASE, path, options.query), {
        method,
        headers,
        body: payload,
        credentials: 'same-origin',
        signal: controller.signal,
      })
    } catch {
      throw networkError(timedOut)
    }
    if (!res.ok) throw await errorFromResponse(res)
    return await readBody<T>(res)
  } catch (err) {
    const handled = options.authHandling !== false && handleAuthFailure(err)
    if (!handled && !options.silent) reportError(err)
    throw err
  } finally {
    clearTimeout(timer)
  }
}

/** A file the server sends (an .xlsx export): its bytes and the name it suggests. */
export interface Download {
  blob: Blob
  filename: string
}

/** The file name of a Content-Disposition header, preferring the RFC 5987 UTF-8 form. */
export function dispositionFilename(header: string | null, fallback: string): string {
  if (!header) return fallback
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // a broken encoding: try the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain ? plain[1].trim() : fallback
}

/**
 * GET of a file: the same headers, cookie and error handling as the JSON calls, so a refusal (e.g. 422
 * export_too_large) reaches the user as the server's message instead of a broken download.
 */
export async function download(path: string, fallbackName: string, options: RequestOptions = {}): Promise<Download> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 120_000)
  try {
    let res: Response
    try {
      res = await fetch(buildUrl(options.base ?? API_BASE, path, options.query), {
        method: 'GET',
        headers: { 'Accept-Language': currentLocale(), 'X-Requested-With': 'XMLHttpRequest', ...options.headers },
        credentials: 'same-origin',
        signal: controller.signal,
      })
    } catch {
      throw networkError(controller.signal.aborted)
    }
    if (!res.ok) throw await errorFromResponse(res)
    return { blob: await res.blob(), filename: dispositionFilename(res.headers.get('Content-Disposition'), fallbackName) }
  } catch (err) {
    const handled = options.authHandling !== false && handleAuthFailure(err)
    if (!handled && !options.silent) reportError(err)
    throw err
  } finally {
    clearTimeout(timer)
  }
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options)
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options)
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options)
export const patch = <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options)
export const del = <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options)

/** `api.delete(...)` reads as the HTTP verb; `delete` cannot be a plain exported name. */
export const api = { get, post, put, patch, delete: del }
