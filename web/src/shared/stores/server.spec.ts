import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setLocale } from '../i18n'
import { useServerStore } from './server'

const INFO = { name: '薪火', version: '0.1.0', database: 'sqlite', schema_version: 3, demo: true, time: '2026-11-29T10:00:00Z' }

/** Answers /healthz and /api/v1/system/info from the given handlers. */
function serve(health: () => Response | Promise<Response>, info: () => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => (url === '/healthz' ? health() : info())),
  )
}
const ok = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status })
const down = () => Promise.reject(new TypeError('Failed to fetch'))

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
})

describe('server status', () => {
  it('healthy server with its version and demo flag', async () => {
    serve(ok({ status: 'ok' }), ok(INFO))
    const server = useServerStore()
    await server.check()
    expect(server.healthy).toBe(true)
    expect(server.unreachable).toBe(false)
    expect(server.info?.version).toBe('0.1.0')
    expect(server.demo).toBe(true)
    expect(server.checkedAt).toBeInstanceOf(Date)
  })

  it('unhealthy service: not available, with the reason', async () => {
    serve(ok({ error: { code: 'db_down', message: '数据库不可用', request_id: 'r' } }, 503), ok(INFO))
    const server = useServerStore()
    await server.check()
    expect(server.healthy).toBe(false)
    expect(server.healthProblem).toBe('数据库不可用')
    expect(server.unreachable).toBe(false)
  })

  it('health answering another status is not healthy', async () => {
    serve(ok({ status: 'starting' }), ok(INFO))
    const server = useServerStore()
    await server.check()
    expect(server.healthy).toBe(false)
    expect(server.healthProblem).toBe('服务报告状态：starting')
  })

  it('no answer at all: unreachable, and a retry recovers', async () => {
    serve(down, down)
    const server = useServerStore()
    await server.check()
    expect(server.unreachable).toBe(true)
    expect(server.healthProblem).toBe('无法连接服务器')

    serve(ok({ status: 'ok' }), ok(INFO))
    await server.check()
    expect(server.unreachable).toBe(false)
    expect(server.healthy).toBe(true)
  })

  it('system info failing alone is shown without hiding the health', async () => {
    serve(ok({ status: 'ok' }), () => new Response('Bad Gateway', { status: 502 }))
    const server = useServerStore()
    await server.check()
    expect(server.healthy).toBe(true)
    expect(server.info).toBeNull()
    expect(server.infoProblem).toBe('服务暂时不可用，请稍后重试')
    expect(server.unreachable).toBe(false)
  })
})
