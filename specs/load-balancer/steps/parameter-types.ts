import { defineParameterType } from '@cucumber/cucumber'

// A span of time as operations people say it: "2 seconds", "1 second", "500 milliseconds" → '2s', '1s', '500ms'.
defineParameterType({
  name: 'period',
  regexp: /\d+(?:\.\d+)? (?:seconds?|milliseconds)/,
  transformer: (text: string) => text.replace(/ milliseconds$/, 'ms').replace(/ seconds?$/, 's'),
})
