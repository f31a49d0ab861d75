/**
 * `gate` in `parlance.config.ts`: which channels a scenario must pass on.
 * A key is a tag (`@story:SET-4`, `@smoke`); its value the channels required
 * for scenarios with that tag. A scenario matching several keys needs all of
 * their channels. A scenario matching none is required on every channel whose
 * results contain it (its domain's channels, narrowed by `@channel:` tags).
 *
 * @example
 *   const gate: GateConfig = { required: { '@story:SET-4': ['api', 'ui'], '@smoke': ['api'] } }
 */
export interface GateConfig {
  required?: Record<string, string[]>
}

/**
 * The channels a scenario must pass on, and whether the config said so
 * (explicit: then not-applicable there is not enough either).
 *
 * @example
 *   requiredChannels(['@story:SET-4'], ['api'], { required: { '@story:SET-4': ['api', 'ui'] } })
 *   // → { channels: ['api', 'ui'], explicit: true }
 *   requiredChannels(['@smoke'], ['api'], undefined) // { channels: ['api'], explicit: false }
 */
export function requiredChannels(
  tags: readonly string[],
  ranOn: readonly string[],
  config: GateConfig | undefined,
): { channels: string[]; explicit: boolean } {
  const matching = Object.entries(config?.required ?? {}).filter(([tag]) => tags.includes(tag))
  if (matching.length === 0) return { channels: [...ranOn], explicit: false }
  return { channels: [...new Set(matching.flatMap(([, channels]) => channels))], explicit: true }
}
