@story:SET-8
Feature: Amended results
  After a stewards' enquiry a result can be amended. Every bet whose returns
  change is settled again — once — and a punter sees both settlements.

  Rule: An amended result settles again every bet whose returns change

    Scenario: The winner is disqualified and placed second
      Given Alice backs Red Rum to win at 5/2 with £10
      And Bob backs Crisp to win at 3/1 with £10
      When Red Rum wins
      And the stewards amend the result to:
        | position | runner  |
        | 1        | Crisp   |
        | 2        | Red Rum |
      Then Alice is paid £0.00
      And Bob is paid £40.00
      And Alice's bet has been settled twice: for £35.00, then for £0.00
      And Bob's bet has been settled twice: for £0.00, then for £40.00

  Rule: A bet whose returns the amendment does not change is not settled again

    Scenario: A loser stays a loser
      Given Carol backs Aldaniti to win at 3/1 with £10
      When Red Rum wins
      And the stewards amend the result to:
        | position | runner  |
        | 1        | Crisp   |
        | 2        | Red Rum |
      Then Carol's bet has been settled once, for £0.00

  Rule: The same result declared again changes nothing

    Scenario: The judge confirms the winner a second time
      Given Alice backs Red Rum to win at 5/2 with £10
      When Red Rum wins
      And Red Rum is confirmed the winner
      Then Alice's bet has been settled once, for £35.00
