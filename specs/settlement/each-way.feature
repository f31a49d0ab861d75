@story:SET-2
Feature: Each-way bets and place terms
  An each-way bet is two bets of the same stake: one to win, and one to be
  placed, paid at a fraction of the odds. How many places are paid, and at
  what fraction, depends on the number of runners and on whether the race is
  a handicap.

  Rule: An each-way winner is paid on both parts, a placed horse on the place part

    Scenario: An each-way winner in an eight-runner race
      Given Alice backs Red Rum each-way at 5/1 with £10
      When Red Rum wins
      Then Alice is paid £80.00

    Scenario: Third at 20/1 in an eight-runner handicap
      Given a handicap with 8 runners
      And Alice backs Aldaniti each-way at 20/1 with £10
      When Aldaniti finishes 3rd
      Then Alice is paid £50.00

  Rule: The places paid and their fraction of the odds follow the number of runners and the kind of race

    Scenario Outline: <position> of <runners> in a <kind>
      Given a <kind> with <runners> runners
      And Alice backs Red Rum each-way at 10/1 with £10
      When Red Rum finishes <position>
      Then Alice is paid <returns>

      Examples: 5 to 7 runners pay 1/4 the odds for 2 places
        | kind     | runners | position | returns |
        | race     | 5       | 2nd      | £35.00  |
        | race     | 7       | 3rd      | £0.00   |

      Examples: 8 or more runners pay 1/5 the odds for 3 places
        | kind     | runners | position | returns |
        | race     | 8       | 3rd      | £30.00  |
        | race     | 16      | 4th      | £0.00   |

      Examples: Handicaps of 12 to 15 runners pay 1/4 for 3 places, of 16 or more 1/4 for 4 places
        | kind     | runners | position | returns |
        | handicap | 12      | 3rd      | £35.00  |
        | handicap | 16      | 4th      | £35.00  |

  Rule: With four runners or fewer there are no places: the win part stands and the place stake is returned

    Scenario: An each-way winner of a four-runner race
      Given a race with 4 runners
      And Alice backs Red Rum each-way at 10/1 with £10
      When Red Rum wins
      Then Alice is paid £120.00

    Scenario: Second of four
      Given a race with 4 runners
      And Alice backs Red Rum each-way at 10/1 with £10
      When Red Rum finishes 2nd
      Then Alice is paid £10.00

  Rule: The place terms count the runners that start, so a withdrawal can reduce them

    Scenario: One of eight is withdrawn, and third is no longer placed
      Given a race with 8 runners
      And Alice backs Red Rum each-way at 6/1 with £10
      When Mill House is withdrawn at 20/1
      And Red Rum finishes 3rd
      Then Alice is paid £0.00

    Scenario: One of eight is withdrawn, and second pays 1/4 the odds
      Given a race with 8 runners
      And Alice backs Red Rum each-way at 6/1 with £10
      When Mill House is withdrawn at 20/1
      And Red Rum finishes 2nd
      Then Alice is paid £25.00
