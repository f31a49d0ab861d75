@story:SET-7
Feature: Void races
  A race can be declared void — abandoned, or run in a way that cannot stand.
  Every bet on it then stands as if that race had not been part of it.

  Rule: When a race is void, every single on it returns its stake

    Scenario: A win bet and an each-way bet on a void race
      Given Alice backs Red Rum to win at 5/2 with £10
      And Bob backs Crisp each-way at 10/1 with £5
      When the race is void
      Then Alice is paid £10.00
      And Bob is paid £10.00

  Rule: A race declared void after its result settles its bets again, returning the stakes

    Scenario: The race is voided after Red Rum won it
      Given Alice backs Red Rum to win at 5/2 with £10
      When Red Rum wins
      And the race is void
      Then Alice's bet has been settled twice: for £35.00, then for £10.00
      And Alice is paid £10.00
