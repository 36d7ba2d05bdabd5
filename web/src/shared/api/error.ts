// ApiError: what a failed request becomes, and the one place where errors are shown to the user.
import { t } from '../i18n'

/** The server's error body: {"error": {"code", "message", "field?", "request_id"}}. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; request_id?: string }
}

export interface ApiErrorInit {
  status: number
  code: string
  message: string
  field?: string
  requestId?: string
}

export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  readonly status: number
  /** Machine-readable code from the server (e.g. "validation"), or a client code such as "network_error". */
  readonly code: string
  /** The input field the error is about, when the server names one. */
  readonly field?: string
  readonly requestId?: string

  constructor(init: ApiErrorInit) {
    super(init.message) // the text the user sees
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.field = init.field
    this.requestId = init.requestId
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
    const e = body.error
    return new ApiError({
      status: res.status,
      code: e.code,
      message: typeof e.message === 'string' && e.message !== '' ? e.message : statusMessage(res.status),
      field: typeof e.field === 'string' && e.field !== '' ? e.field : undefined,
      requestId: typeof e.request_id === 'string' ? e.request_id : headerId,
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

let reporter: ErrorReporter = (error) => console.error(error)

/** Each shell says once how errors are shown: ElMessage in the console, showNotify on the phone. */
export function setErrorReporter(fn: ErrorReporter): void {
  reporter = fn
}

export function reportError(err: unknown): void {
  reporter(toApiError(err))
}
