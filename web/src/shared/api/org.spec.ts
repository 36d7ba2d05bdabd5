import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, json, type FakeServer } from '../testing/fakeServer'
import { closeNode, createNode, fetchNodes, moveNode, updateNode } from './org'

let server: FakeServer
beforeEach(() => {
  server = fakeServer()
})
afterEach(() => vi.unstubAllGlobals())

describe('org calls', () => {
  it('reads the tree and changes nodes with the documented bodies', async () => {
    server.on('GET /api/v1/org/nodes', json(200, { items: [] }))
    server.on('POST /api/v1/org/nodes', json(201, { id: 9 }))
    server.on('PATCH /api/v1/org/nodes/9', json(200, { id: 9 }))
    server.on('POST /api/v1/org/nodes/9/move', json(200, { id: 9 }))
    server.on('POST /api/v1/org/nodes/9/close', json(200, { id: 9 }))

    await fetchNodes()
    await createNode({ parent_id: 3, node_type: 'branch', name: '第二支部' })
    await updateNode(9, { name: '第二党支部', sort_order: 2 })
    await moveNode(9, 4)
    await closeNode(9)

    expect(server.calls).toEqual([
      { route: 'GET /api/v1/org/nodes', body: undefined },
      { route: 'POST /api/v1/org/nodes', body: { parent_id: 3, node_type: 'branch', name: '第二支部' } },
      { route: 'PATCH /api/v1/org/nodes/9', body: { name: '第二党支部', sort_order: 2 } },
      { route: 'POST /api/v1/org/nodes/9/move', body: { parent_id: 4 } },
      { route: 'POST /api/v1/org/nodes/9/close', body: undefined },
    ])
  })
})
