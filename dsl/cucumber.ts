// 'parlance/cucumber': cucumber-js as Parlance itself loads it. A project's step glue imports Given, When, Then and
// defineParameterType from here, not from its own @cucumber/cucumber, so that its steps land in the one support code
// library `parlance run` reads, even when Parlance is installed as a `file:` link with node_modules of its own.
export {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  BeforeStep,
  DataTable,
  defineParameterType,
  Given,
  Status,
  Then,
  When,
  type IWorldOptions,
} from '@cucumber/cucumber'
