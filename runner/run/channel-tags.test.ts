import { describe, expect, test } from 'vitest'
import { andTagExpressions, channelTagExpression, unknownChannelTags } from './channel-tags.ts'

describe('channel tags', () => {
  test('a channel keeps untagged scenarios and its own, and leaves out those tagged only for others', () => {
    expect(channelTagExpression('ui', ['api', 'ui', 'stream'])).toBe(
      'not (@channel:api or @channel:stream) or @channel:ui',
    )
    expect(channelTagExpression('api', ['api'])).toBeUndefined()
  })

  test("the user's --tags and the channel's expression are both required", () => {
    expect(andTagExpressions('@smoke or @wip', 'not (@channel:api) or @channel:ui')).toBe(
      '(@smoke or @wip) and (not (@channel:api) or @channel:ui)',
    )
    expect(andTagExpressions(undefined, '@smoke')).toBe('@smoke')
    expect(andTagExpressions(' ', undefined)).toBe('')
  })

  test('a @channel tag naming no channel is reported with the nearest one', () => {
    expect(unknownChannelTags(['@channel:apii', '@channel:ui', '@smoke'], ['api', 'ui'])).toEqual([
      '@channel:apii names no channel — did you mean @channel:api? Channels: api, ui',
    ])
  })
})
