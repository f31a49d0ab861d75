@story:PAR-5
Feature: The suite runs again and again against a deployed system
  The same specs test a system started for the run and one already deployed,
  such as staging. Against a deployed system the suite starts nothing, and
  because every run gives its own names, it can run again without a reset.

  Rule: The same project run twice against one deployed system passes both times

    Scenario: Two runs against one deployed system
      Given a project whose spec opens an account for Alice in 2 scenarios
      And its system is already deployed
      When the project's acceptance suite runs twice against the deployed system
      Then every scenario passes in every run
      And the system was started once
      And the system knew Alice by a different name in every scenario
