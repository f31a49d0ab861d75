import { basename, dirname } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { parlanceMediaTypes } from '../../drivers/core/report-media-types.ts'
import { findMessageFiles, type MessageSet } from '../../drivers/core/run-model/index.ts'

const channelName = /^[A-Za-z0-9][\w.-]*$/

/**
 * The message files the gate's RESULTS name, in their order, and the channel a `NAME=FILE` result names for its file.
 *
 * @example
 *   const results: Results = { files: ['api.ndjson', 'b/ui/messages.ndjson'], named: new Map([['api.ndjson', 'api']]) }
 */
export interface Results {
  files: string[]
  /** File → the channel its `NAME=FILE` gave it. */
  named: Map<string, string>
}

/**
 * Finds the message files of the gate's RESULTS arguments: a path is a message file or a directory searched for them
 * (`findMessageFiles`); `NAME=FILE` is one run, whose channel is NAME. No argument means `reports`. A `NAME=FILE` whose
 * PATH holds several message files is a ConfigurationError saying which.
 *
 * @example
 *   findResults(['api=out/first.ndjson', 'ui=out/second.ndjson']).named.get('out/first.ndjson') // 'api'
 *   findResults(['reports']).files // ['reports/shop/api/messages.ndjson', 'reports/shop/ui/messages.ndjson']
 */
export function findResults(inputs: readonly string[]): Results {
  if (inputs.length === 0) return { files: findMessageFiles([]), named: new Map() }
  const named = new Map<string, string>()
  const files: string[] = []
  for (const input of inputs) {
    const [, name, path] = /^([^=/\\]+)=(.+)$/.exec(input) ?? []
    if (name === undefined || path === undefined || !channelName.test(name)) {
      files.push(...findMessageFiles([input]))
      continue
    }
    const found = findMessageFiles([path])
    if (found.length !== 1) {
      const held = found.length === 0 ? 'no message file' : `${found.length} message files (${found.join(', ')})`
      const example = `${name}=${found[0] ?? `${path}/messages.ndjson`}`
      throw new ConfigurationError(
        `${input}: ${path} holds ${held}; NAME=FILE names the channel of one run: give one file, e.g. ${example}`,
      )
    }
    const earlier = named.get(found[0]!)
    if (earlier !== undefined)
      throw new ConfigurationError(
        `${input}: ${found[0]} is already the run of channel ${earlier}; one run is one channel's: name each file once`,
      )
    named.set(found[0]!, name)
    files.push(found[0]!)
  }
  return { files: [...new Set(files)], named }
}

/**
 * Names the channel each message set is the run of, first of these that says: its `NAME=FILE` result; `--channel
 * NAME` (for a single file only); the channel Parlance's outcome attachments in the messages name; the layout
 * `parlance run` writes, `<channel>/messages.ndjson`. When none says, a single run is named after what made it (the
 * meta message's implementation, e.g. `cucumber-js`), and several runs are a ConfigurationError asking for names.
 *
 * @example
 *   declare const sets: MessageSet[] // from out.ndjson, written by npx cucumber-js --format message:out.ndjson
 *   nameChannels(sets, new Map())[0]?.channel // 'cucumber-js'
 *   nameChannels(sets, new Map(), 'api')[0]?.channel // 'api'
 */
export function nameChannels(
  sets: readonly MessageSet[],
  named: ReadonlyMap<string, string>,
  channel?: string,
): MessageSet[] {
  if (channel !== undefined && !channelName.test(channel))
    throw new ConfigurationError(
      `--channel "${channel}" is not a channel name; use letters, digits, ".", "_" and "-", e.g. --channel api`,
    )
  const unnamed = sets.filter((set) => !named.has(set.file))
  if (channel !== undefined && unnamed.length === 0)
    throw new ConfigurationError(
      `--channel ${channel} names no run: NAME=FILE names every one (${sets.map((set) => set.file).join(', ')}); ` +
        `leave --channel out, or give it the one file without a NAME=`,
    )
  if (channel !== undefined && unnamed.length > 1)
    throw new ConfigurationError(
      `--channel ${channel} names the channel of one run, but the results hold ${unnamed.length}: ` +
        `${unnamed.map((set) => set.file).join(', ')}; name each run instead, e.g. ` +
        `${unnamed.map((set, i) => `${i === 0 ? channel : 'NAME'}=${set.file}`).join(' ')}`,
    )
  const told = sets.map((set) => named.get(set.file) ?? channel ?? channelInMessages(set) ?? channelOfLayout(set.file))
  const untold = sets.filter((_, i) => told[i] === undefined)
  if (untold.length > 0 && sets.length > 1) {
    const example = sets.map((set, i) => `${['api', 'ui'][i] ?? 'NAME'}=${set.file}`).join(' ')
    throw new ConfigurationError(
      `cannot tell which channel each run is: nothing says which channel ${untold.map((set) => set.file).join(', ')} ` +
        `${untold.length === 1 ? 'is the run of' : 'are the runs of'} (no Parlance outcome attachment in the ` +
        `messages names one, and the file is not <channel>/messages.ndjson, as parlance run writes them); name ` +
        `each run as NAME=FILE, e.g. parlance gate ${example}`,
    )
  }
  return sets.map((set, i) => ({ ...set, channel: told[i] ?? madeBy(set) }))
}

// The channel Parlance's outcome attachments (not applicable, not run) name: they carry the channel they ran on.
function channelInMessages(set: MessageSet): string | undefined {
  for (const envelope of set.envelopes) {
    const attachment = envelope.attachment
    if (attachment?.mediaType !== parlanceMediaTypes.outcome) continue
    try {
      const { channel } = JSON.parse(attachment.body) as { channel?: unknown }
      if (typeof channel === 'string' && channelName.test(channel)) return channel
    } catch {
      // An unreadable outcome is reported where the scenario is judged; it names no channel.
    }
  }
  return undefined
}

function channelOfLayout(file: string): string | undefined {
  const directory = basename(dirname(file))
  return basename(file) === 'messages.ndjson' && channelName.test(directory) ? directory : undefined
}

function madeBy(set: MessageSet): string {
  const name = set.envelopes.find((envelope) => envelope.meta)?.meta?.implementation.name
  return name && channelName.test(name) ? name : 'run'
}
