import { defineParameterType } from '@cucumber/cucumber'

// "api and ui", "api, ui and stream" → ['api', 'ui'], ['api', 'ui', 'stream']. Any lower-case word fits, so
// cucumber does not offer it in snippets for undefined steps.
defineParameterType({
  name: 'channel_names',
  regexp: /[a-z][a-z0-9-]*(?:(?:, | and )[a-z][a-z0-9-]*)*/,
  transformer: (text: string) => text.split(/, | and /),
  useForSnippets: false,
})

// How a failed scenario failed, in a spec's words → the outcome a report names.
defineParameterType({
  name: 'failure_kind',
  regexp: /an assertion failure|a configuration error|a compromised system/,
  transformer: (text: string) =>
    ({
      'an assertion failure': 'assertion failed',
      'a configuration error': 'configuration error',
      'a compromised system': 'system compromised',
    })[text],
})
