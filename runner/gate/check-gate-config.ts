import { isPlainObject, type Check } from '../config/config-problems.ts'

/**
 * Checks `gate` of `parlance.config.ts`: `required` maps tags to lists of channel names.
 *
 * @example
 *   const shape = { gate: checkGateConfig }
 *   // gate.required.story:SET-4 is not a tag; write it as "@story:SET-4"
 */
export const checkGateConfig: Check = (value, path, problems) => {
  problems.object(value, path, { required: checkRequired }, [])
}

const checkRequired: Check = (value, path, problems) => {
  if (!isPlainObject(value))
    return problems.wrong(path, value, `an object from tag to channels, e.g. { '@story:SET-4': ['api', 'ui'] }`)
  for (const [tag, channels] of Object.entries(value)) {
    const entryPath = `${path}.${tag}`
    if (!/^@\S+$/.test(tag))
      problems.add(
        entryPath,
        `is not a tag; write it as "@${tag.replace(/^@?/, '').trim()}", e.g. "@story:SET-4" or "@smoke"`,
      )
    const valid =
      Array.isArray(channels) &&
      channels.length > 0 &&
      channels.every((channel) => typeof channel === 'string' && /^[a-z][a-z0-9-]*$/.test(channel))
    if (!valid) problems.wrong(entryPath, channels, `a non-empty list of channel names, e.g. ['api', 'ui']`)
  }
}
