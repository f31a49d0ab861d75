import type { Query } from '@cucumber/query'
import type { TestStep, TestStepResult } from '@cucumber/messages'
import { failureKindOf } from './failure-kind.ts'

/**
 * A step's or hook's failure as a person reads it: what ran, then the first
 * lines of its message without the stack trace.
 *
 * @example
 *   declare const query: Query, testStep: TestStep, result: TestStepResult
 *   describeFailure(query, testStep, result) // 'Then the total is £5.00\nexpected £5.00, got £4.50'
 */
export function describeFailure(query: Query, testStep: TestStep | undefined, result: TestStepResult): string {
  const what = testStep ? describeStep(query, testStep) : 'a step'
  switch (result.status) {
    case 'UNDEFINED':
      return `${what}\nundefined step: write a step definition for it`
    case 'PENDING':
      return (
        `${what}\npending step: it is not implemented ` +
        `yet${result.message ? ` (${firstLines(result.message)})` : ''}`
      )
    case 'AMBIGUOUS':
      return (
        `${what}\nambiguous step: more than one step definition matches ` +
        `it${result.message ? `\n${firstLines(result.message)}` : ''}`
      )
    default:
      return `${what}\n${firstLines(errorText(result)) || result.status.toLowerCase()}`
  }
}

// The kind of a Parlance error is named beside the failure; any other error's class (a TypeError) says what went wrong.
function errorText(result: TestStepResult): string | undefined {
  const exception = result.exception
  if (!exception) return result.message
  const named = exception.type !== 'Error' && failureKindOf(result) === 'error'
  return named && exception.message !== undefined
    ? `${exception.type}: ${exception.message}`
    : (exception.message ?? result.message)
}

/**
 * A test step as a report names it: `Given a step passes`, or `Before hook (support/hooks.ts:7)` for a hook.
 *
 * @example
 *   declare const query: Query, testStep: TestStep
 *   describeStep(query, testStep) // 'When Alice places a bet'
 */
export function describeStep(query: Query, testStep: TestStep): string {
  const pickleStep = query.findPickleStepBy(testStep)
  if (pickleStep) return `${query.findStepBy(pickleStep)?.keyword ?? ''}${pickleStep.text}`
  const hook = query.findHookBy(testStep)
  return hook ? describeHook(hook) : 'a hook'
}

/**
 * A hook as a report names it: its name if it has one, its kind and where it is.
 *
 * @example
 *   const hook = {
 *     name: 'connect',
 *     type: 'BEFORE_TEST_RUN',
 *     sourceReference: { uri: 'support/hooks.ts', location: { line: 3 } },
 *   }
 *   describeHook(hook) // 'BeforeAll hook "connect" (support/hooks.ts:3)'
 */
export function describeHook(hook: {
  name?: string
  type?: string
  sourceReference: { uri?: string; location?: { line: number } }
}): string {
  const kinds: Record<string, string> = {
    BEFORE_TEST_RUN: 'BeforeAll',
    AFTER_TEST_RUN: 'AfterAll',
    BEFORE_TEST_CASE: 'Before',
    AFTER_TEST_CASE: 'After',
  }
  const kind = hook.type ? (kinds[hook.type] ?? hook.type) : 'Hook'
  const { uri, location } = hook.sourceReference
  const where = uri ? ` (${uri}${location ? `:${location.line}` : ''})` : ''
  return `${kind} hook${hook.name ? ` "${hook.name}"` : ''}${where}`
}

/**
 * The message without its stack trace and at most a few lines: what a person reads first.
 *
 * @example
 *   firstLines('Error: boom\n    at f (a.ts:1:1)') // 'Error: boom'
 */
export function firstLines(message: string | undefined, max = 6): string {
  const lines = (message ?? '').split('\n').filter((line) => !/^\s+at /.test(line) && line.trim() !== '')
  return (lines.length > max ? [...lines.slice(0, max), '…'] : lines).join('\n').trim()
}
