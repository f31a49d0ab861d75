@story:PAR-1
Feature: Scenarios keep their own names
  So that scenarios can share one long-lived system, run in parallel and run
  again without a reset, each scenario gives every name its spec uses a name
  of its own; and everything a person reads is in the spec's names again.

  Rule: Scenarios that name the same customer do not collide, even in parallel

    Scenario: Two scenarios open an account for Alice on two workers
      Given a project whose spec opens an account for Alice in 2 scenarios
      When the project's acceptance suite runs with 2 workers
      Then every scenario passes
      And the system knew Alice by a different name in every scenario

  Rule: A failure reads in the spec's names, while the system saw the scenario's own

    Scenario: Alice is paid less than the spec expects
      Given a project whose spec has a scenario "Alice is paid" in which Alice is paid £5 and is expected to have been paid £6
      When the project's acceptance suite runs
      Then the scenario "Alice is paid" fails with an assertion failure
      And the failure reads "Alice was paid £5.00; expected £6.00"
      And the system knew Alice only by her scenario's own name
