@story:PAR-3
Feature: A scenario runs once per channel it applies to
  A channel is one way into the system under test. Every scenario runs on
  each channel of its domain unless a tag narrows it, and its results are
  reported per channel. A channel that cannot express a scenario says why.

  Rule: Every scenario runs on every channel, and is reported per channel

    Scenario: Two scenarios on the api and ui channels
      Given a project with the api and ui channels
      And its spec opens an account for Alice in 2 scenarios
      When the project's acceptance suite runs
      Then the results are:
        | scenario                  | channel | outcome |
        | Alice opens an account #1 | api     | passed  |
        | Alice opens an account #1 | ui      | passed  |
        | Alice opens an account #2 | api     | passed  |
        | Alice opens an account #2 | ui      | passed  |

  Rule: A channel tag narrows a scenario to the channels it names

    Scenario: A scenario tagged for the api channel only
      Given a project with the api and ui channels
      And its spec has a scenario "Alice opens an account" for the api channel only, in which Alice opens an account
      And its spec has a scenario "Alice is paid" in which Alice is paid £5 and is expected to have been paid £5
      When the project's acceptance suite runs
      Then the results are:
        | scenario               | channel | outcome |
        | Alice opens an account | api     | passed  |
        | Alice opens an account | ui      | not run |
        | Alice is paid          | api     | passed  |
        | Alice is paid          | ui      | passed  |

  Rule: A channel that cannot perform an operation reports the scenario as not applicable, with its reason, and the run still passes

    Scenario: The ui channel cannot ask for a refund
      Given a project with the api and ui channels
      And its ui channel cannot ask for a refund, because "the betting pages have no refund button"
      And its spec has a scenario "Alice asks for a refund" in which Alice asks for a refund
      When the project's acceptance suite runs
      Then the results are:
        | scenario                | channel | outcome        |
        | Alice asks for a refund | api     | passed         |
        | Alice asks for a refund | ui      | not applicable |
      And "Alice asks for a refund" is not applicable on the ui channel because "the betting pages have no refund button"
      And the run passes
