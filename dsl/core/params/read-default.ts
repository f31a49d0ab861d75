import { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import { messages } from './messages.ts'
import type { AnyValueParam } from './param.ts'

/**
 * Reads a parameter's declared default once, when the method is defined: text
 * as a spec would write it (a comma list when repeated) or typed values. A bad
 * default adds a problem and reads as nothing.
 *
 * @example
 *   import { money, oneOf } from './param-kinds.ts'
 *   const problems: string[] = []
 *   readDefault('placeBet', 'stake', money({ default: '£10' }), problems) // Money £10.00
 *   readDefault('backAll', 'types', oneOf(['win', 'place'], { repeated: true, default: ['win'] }), problems) // ['win']
 */
export function readDefault(method: string, name: string, declared: AnyValueParam, problems: string[]): unknown {
  const given: unknown = declared.default
  if (!declared.repeated && Array.isArray(given)) {
    problems.push(messages.listDefault(method, name))
    return undefined
  }
  const items: unknown[] = Array.isArray(given)
    ? given
    : typeof given === 'string' && declared.repeated
      ? given.split(',')
      : [given]
  const values = items.flatMap((item) => {
    if (typeof item !== 'string') {
      const value = declared.kind.accept(item)
      if (value === undefined) problems.push(messages.invalidTypedDefault(method, name, declared.kind, item))
      return value === undefined ? [] : [value]
    }
    const text = item.trim()
    if (text === '' && declared.repeated) return []
    if (text === '') {
      problems.push(
        messages.invalidDefault(
          method,
          name,
          new ValueFormatError(declared.kind.name, item, declared.kind.accepted, 'a blank default is never used'),
        ),
      )
      return []
    }
    try {
      return [declared.kind.read(text)]
    } catch (error) {
      if (!(error instanceof ValueFormatError)) throw error
      problems.push(messages.invalidDefault(method, name, error))
      return []
    }
  })
  return declared.repeated ? values : values[0]
}
