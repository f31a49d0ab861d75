@story:PAR-4
Feature: Systems start once per run and nothing is left behind
  A run starts each system under test once, however many channels and
  workers it has, and stops it at the end, whether the run passed or failed
  or the system never got ready: no process of the project is left behind.
  A system that dies while the run goes on is named, once.

  Rule: The system starts once per run, however many channels and workers

    Scenario: Two channels with two workers each
      Given a project with the api and ui channels
      And its spec opens an account for Alice in 2 scenarios
      When the project's acceptance suite runs with 2 workers
      Then every scenario passes on the api and ui channels
      And the system was started once
      And no process of the project is left

  Rule: Nothing of the project is left running after a run that failed

    Scenario: A failed run on two workers
      Given a project whose spec has a scenario "Alice is paid" in which Alice is paid £5 and is expected to have been paid £6
      When the project's acceptance suite runs with 2 workers
      Then the run fails
      And the system was started once
      And no process of the project is left

  Rule: A system that fails to start is reported with its last log lines, and nothing is left running

    Scenario: The system stops before it is ready
      Given a project whose system stops before it is ready, saying "the ledger file is corrupt"
      And its spec opens an account for Alice in 1 scenario
      When the project's acceptance suite runs
      Then the run fails
      And it reports that the system did not start, its last log lines being:
        | line                               |
        | ledger: opening the ledger         |
        | ledger: the ledger file is corrupt |
      And no scenario ran
      And no process of the project is left

  Rule: A system that dies during a run is named once, and the scenarios that could no longer reach it are system compromised

    Scenario: The system is killed after its second answer
      Given a project with the api and ui channels
      And its spec opens an account for Alice in 3 scenarios
      And its system is killed after it has answered 2 requests
      When the project's acceptance suite runs
      Then the run fails
      And it reports once that the system was killed by SIGKILL during the api channel
      And the results are:
        | scenario                  | channel | outcome            |
        | Alice opens an account #1 | api     | passed             |
        | Alice opens an account #1 | ui      | not run            |
        | Alice opens an account #2 | api     | passed             |
        | Alice opens an account #2 | ui      | not run            |
        | Alice opens an account #3 | api     | system compromised |
        | Alice opens an account #3 | ui      | not run            |
      And no process of the project is left
