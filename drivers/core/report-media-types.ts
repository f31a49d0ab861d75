/**
 * The media types of Parlance's own attachments in cucumber's messages: what
 * the runner's summary and the gate read back.
 *
 * @example
 *   declare const ctx: import('./driver-context.ts').DriverContext, attachment: import('@cucumber/messages').Attachment
 *   await ctx.attach(JSON.stringify({ Alice: 'alice-r7k2-x9q2bz' }), parlanceMediaTypes.aliases)
 *   attachment.mediaType === parlanceMediaTypes.outcome
 */
export const parlanceMediaTypes = {
  /**
   * `{ outcome: 'not-applicable', channel, operation, reason }` for a scenario a channel cannot express;
   * `{ outcome: 'not-run', channel, reason, fix }` for one this machine could not run (no browser).
   */
  outcome: 'application/vnd.parlance.outcome+json',
  /** The scenario's alias table: spec name → real name and scope. */
  aliases: 'application/vnd.parlance.aliases+json',
} as const

/**
 * The body of an outcome attachment.
 *
 * @example
 *   const body: OutcomeAttachment = {
 *     outcome: 'not-applicable',
 *     channel: 'ui',
 *     operation: 'amend',
 *     reason: 'no trader page',
 *   }
 *   const none: OutcomeAttachment = {
 *     outcome: 'not-run',
 *     channel: 'ui',
 *     reason: 'no browser',
 *     fix: 'Fix: apt-get install chromium',
 *   }
 */
export type OutcomeAttachment =
  | { outcome: 'not-applicable'; channel: string; operation: string; reason: string }
  | { outcome: 'not-run'; channel: string; reason: string; fix: string }
