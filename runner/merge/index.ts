export { joinShards } from './join-shards.ts'
export { mergeCommand, mergeHelp, mergeOptionSpecs } from './merge-command.ts'
export { readMessages } from './read-messages.ts'
