import { describe, expect, it } from 'vitest'
import { addressKey, UpstreamPools } from './upstream-pools.ts'

describe('UpstreamPools', () => {
  const shop = { host: '127.0.0.1', port: 8081 }
  const blog = { host: '127.0.0.1', port: 8082 }

  it('keeps one pool per address', () => {
    const pools = new UpstreamPools(30_000)
    expect(pools.poolFor({ ...shop })).toBe(pools.poolFor(shop))
    expect(pools.poolFor(blog)).not.toBe(pools.poolFor(shop))
    pools.destroy()
  })

  it('closes the pools of addresses no replica listens on any more', () => {
    const pools = new UpstreamPools(30_000)
    const shopPool = pools.poolFor(shop)
    const blogPool = pools.poolFor(blog)
    pools.keepOnly(new Set([addressKey(shop)]))
    expect(blogPool.closed).toBe(true)
    expect(pools.poolFor(shop)).toBe(shopPool)
    expect(pools.poolFor(blog)).not.toBe(blogPool)
    pools.destroy()
    expect(shopPool.destroyed).toBe(true)
  })
})
