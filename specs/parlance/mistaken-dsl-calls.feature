@story:PAR-2
Feature: Mistaken DSL calls are refused before the system is touched
  A DSL method checks every call against the parameters it declares before
  any driver runs. It says what was wrong, what it accepts and the nearest
  valid name, so a mistake in a spec never reaches the system under test.

  Rule: A misspelt parameter is refused, naming the nearest one

    Scenario: A stake written as "stak"
      Given a project whose spec has a scenario "Alice places a bet" in which Alice places a bet with "stak: 5"
      When the project's acceptance suite runs
      Then the scenario "Alice places a bet" fails with a configuration error
      And the failure reads 'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: customer, stake'
      And the system received no request

  Rule: A value of the wrong kind is refused, saying what is accepted

    Scenario: A stake of "ten pounds"
      Given a project whose spec has a scenario "Alice places a bet" in which Alice places a bet with "stake: ten pounds"
      When the project's acceptance suite runs
      Then the scenario "Alice places a bet" fails with a configuration error
      And the failure reads 'placeBet: invalid money "ten pounds" for parameter "stake". Accepted: £10, 10.00, £10.50, 1050p'
      And the system received no request
