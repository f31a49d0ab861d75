@story:SET-3
Feature: Bets at starting price
  A punter may take the starting price (SP) instead of the odds on offer:
  the bet is then settled at the odds the horse started at, which the
  result gives.

  Rule: A bet at SP is settled at the starting price the result gives

    Scenario: Red Rum wins at an SP of 9/2
      Given Alice backs Red Rum to win at SP with £10
      When Red Rum wins at an SP of 9/2
      Then Alice is paid £55.00

    Scenario: An each-way bet at SP on the second
      Given Alice backs Red Rum each-way at SP with £10
      When the result is:
        | position | runner  | sp  |
        | 1        | Crisp   |     |
        | 2        | Red Rum | 6/1 |
      Then Alice is paid £22.00

  Rule: A withdrawal does not reduce bets at SP, unless it comes too late to form a new market

    Scenario: A withdrawal in good time reduces the price taken, not the SP
      Given Alice backs Red Rum to win at SP with £10
      And Bob backs Red Rum to win at 4/1 with £10
      When Crisp is withdrawn at 3/1
      And Red Rum wins at an SP of 9/2
      Then Alice is paid £55.00
      And Bob is paid £40.00

    Scenario: A late withdrawal reduces the SP too
      Given Alice backs Red Rum to win at SP with £10
      When Crisp is withdrawn at 3/1 too late to form a new market
      And Red Rum wins at an SP of 9/2
      Then Alice is paid £43.75
