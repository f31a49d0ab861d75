import { defineParameterType } from '@cucumber/cucumber'

const horse = String.raw`[A-Z][A-Za-z']*(?: [A-Z][A-Za-z']*)*`
const price = String.raw`\d+\/\d+|evens|SP`

// A runner's name, as racecards print it: "Red Rum", "L'Escargot", "Monty's Pass". Any capitalised word fits
// (a punter's name too), so cucumber does not offer it in snippets for undefined steps.
defineParameterType({
  name: 'horse',
  regexp: new RegExp(horse),
  transformer: (text: string) => text,
  useForSnippets: false,
})

// "Red Rum and Crisp", "Red Rum, Crisp and Aldaniti" → ['Red Rum', 'Crisp', 'Aldaniti']
defineParameterType({
  name: 'horses',
  regexp: new RegExp(`${horse}(?:(?:, | and )${horse})+`),
  transformer: (text: string) => text.split(/, | and /),
})

// The legs of a multiple: "Red Rum at 4/1 and Arkle at 3/1" → [{ runner: 'Red Rum', price: '4/1' }, …]
defineParameterType({
  name: 'selections',
  regexp: new RegExp(`${horse} at (?:${price})(?:(?:, | and )${horse} at (?:${price}))+`),
  transformer: (text: string) =>
    text.split(/, | and /).map((leg) => ({ runner: leg.replace(/ at \S+$/, ''), price: leg.replace(/^.* at /, '') })),
})

// A bet, by the name the DSL gives it: "Alice's bet", "Alice's 2nd bet", "Bob's double".
defineParameterType({
  name: 'bet',
  regexp: /[A-Z]\w*'s (?:\d+(?:st|nd|rd|th) )?(?:bet|double|treble|\d+-fold accumulator)/,
  transformer: (text: string) => text,
})

// A price as a punter wrote it, odds or not: "5/1", "5-1", "5/0". Any word fits: never offered in snippets.
defineParameterType({
  name: 'written_price',
  regexp: /\S+/,
  transformer: (text: string) => text,
  useForSnippets: false,
})

// A finishing position: "1st", "2nd", "3rd", "4th" → 1, 2, 3, 4.
defineParameterType({
  name: 'place',
  regexp: /\d+(?:st|nd|rd|th)/,
  transformer: (text: string) => Number.parseInt(text, 10),
})
