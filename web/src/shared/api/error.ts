// ApiError: what a failed request becomes, and the one place where errors are shown to the user.
import { t } from '../i18n'

/** The server's error body: {"error": {"code", "message", "field?", "request_id", ...extra}}. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; request_id?: string; [extra: string]: unknown }
}

export interface ApiErrorInit {
  status: number
  code: string
  message: string
  field?: string
  requestId?: string
  details?: Record<string, unknown>
}

export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  readonly status: number
  /** Machine-readable code from the server (e.g. "validation"), or a client code such as "network_error". */
  readonly code: string
  /** The input field the error is about, when the server names one. */
  readonly field?: string
  readonly requestId?: string
  /** Further members of the server's error object, e.g. `locked_until` of `account_locked`. */
  readonly details: Record<string, unknown>

  constructor(init: ApiErrorInit) {
    super(init.message) // the text the user sees
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.field = init.field
    this.requestId = init.requestId
    this.details = init.details ?? {}
  }

  get isNetwork(): boolean {
    return this.status === 0
  }
}

const STATUS_KEYS: Record<number, string> = {
  400: 'error.e400',
  401: 'error.e401',
  403: 'error.e403',
  404: 'error.e404',
  405: 'error.e405',
  409: 'error.e409',
  413: 'error.e413',
  415: 'error.e415',
  422: 'error.e422',
  423: 'error.e423',
  429: 'error.e429',
  500: 'error.e500',
  502: 'error.e503',
  503: 'error.e503',
  504: 'error.e503',
}

/** The localised message for a status, used when the body is not the server's error JSON (e.g. from a proxy). */
export function statusMessage(status: number): string {
  const key = STATUS_KEYS[status]
  if (key) return t(key)
  return status >= 500 ? t('error.otherServer', { status }) : t('error.otherClient', { status })
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false
  const error = (body as { error?: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

/** A response with a failing status → ApiError. The server's message is already in the user's language. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const headerId = res.headers.get('X-Request-Id') ?? undefined
  let body: unknown
  try {
    body = JSON.parse(await res.text())
  } catch {
    body = undefined
  }
  if (isErrorBody(body)) {
    const { code, message, field, request_id: requestId, ...details } = body.error
    return new ApiError({
      status: res.status,
      code,
      message: typeof message === 'string' && message !== '' ? message : statusMessage(res.status),
      field: typeof field === 'string' && field !== '' ? field : undefined,
      requestId: typeof requestId === 'string' ? requestId : headerId,
      details,
    })
  }
  return new ApiError({ status: res.status, code: `http_${res.status}`, message: statusMessage(res.status), requestId: headerId })
}

/** No response at all: the server is down, the network is gone, or the request took too long. */
export function networkError(timedOut: boolean): ApiError {
  return timedOut
    ? new ApiError({ status: 0, code: 'timeout', message: t('error.timeout') })
    : new ApiError({ status: 0, code: 'network_error', message: t('error.network') })
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const message = err instanceof Error && err.message ? err.message : String(err)
  return new ApiError({ status: 0, code: 'unexpected', message })
}

export type ErrorReporter = (error: ApiError) => void

/**
 * Sign-in problems any call can meet (session ended, password change required) are dealt with in one place, set by
 * the shell: it returns true when it took care of the error, which is then not shown as a message as well.
 */
export type AuthFailureHandler = (error: ApiError) => boolean

let authFailureHandler: AuthFailureHandler = () => false

export function setAuthFailureHandler(fn: AuthFailureHandler): void {
  authFailureHandler = fn
}

export function handleAuthFailure(err: unknown): boolean {
  return err instanceof ApiError && authFailureHandler(err)
}

let reporter: ErrorReporter = (error) => console.error(error)

/** Each shell says once how errors are shown: ElMessage in the console, showNotify on the phone. */
export function setErrorReporter(fn: ErrorReporter): void {
  reporter = fn
}

export function reportError(err: unknown): void {
  reporter(toApiError(err))
}
