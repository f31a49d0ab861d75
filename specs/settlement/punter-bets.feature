@story:SET-9
Feature: A punter's bets
  A punter sees every bet of theirs, open and settled, what each returned,
  and how its returns were worked out.

  Rule: A punter sees their own bets, open and settled, with stake and returns

    Scenario: Alice has a settled bet and an open one; Bob has his own
      Given these races:
        | race                | runners                  |
        | the 2:00 at Aintree | Red Rum, Crisp, Aldaniti |
        | the 2:35 at Aintree | Arkle, Mill House        |
      And Alice backs Red Rum to win at 5/2 with £10
      And Alice backs Arkle each-way at 3/1 with £5
      And Bob backs Crisp to win at 3/1 with £2
      When Red Rum wins
      Then Alice sees these bets:
        | bet             | status  | stake  | returns |
        | Alice's bet     | settled | £10.00 | £35.00  |
        | Alice's 2nd bet | open    | £5.00  |         |
      And Bob sees these bets:
        | bet       | status  | stake | returns |
        | Bob's bet | settled | £2.00 | £0.00   |

  Rule: A settled bet shows how its returns were worked out, part by part

    Scenario: An each-way bet placed in a dead heat, after a withdrawal
      Given a race with 9 runners
      And Alice backs Aldaniti each-way at 10/1 with £10
      When Corbiere is withdrawn at 3/1
      And the result is:
        | position | runner    |
        | 1        | Red Rum   |
        | 2        | Crisp     |
        | 3        | Aldaniti  |
        | 3        | Rag Trade |
      Then the breakdown of Alice's bet is:
        | part  | runner   | result | position | place-terms | dead-heat | rule-4 |
        | win   | Aldaniti | lost   | 3        |             |           |        |
        | place | Aldaniti | placed | 3        | 1/5         | 1/2       | 25p    |
      And Alice is paid £12.50
