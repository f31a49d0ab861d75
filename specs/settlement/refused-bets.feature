@story:SET-10
Feature: Bad bets are refused, with the reason
  A bet that cannot stand is refused when it is handed in, never taken and
  voided later, and the punter is told why.

  Background:
    Given a race with the runners Red Rum, Crisp, Aldaniti, Corbiere and Rag Trade

  Rule: A bet on a horse that is not in the race is refused

    Scenario: Alice backs Shergar, who is not running
      When Alice tries to back Shergar to win at 5/1 with £10
      Then Alice's bet is refused because Shergar is not a runner
      And Alice sees no bets

    Scenario: Alice backs a horse that has been withdrawn
      Given Crisp is withdrawn at 3/1
      When Alice tries to back Crisp to win at 5/1 with £10
      Then Alice's bet is refused because Crisp has been withdrawn

  Rule: A bet on a race already run is refused

    Scenario: Alice bets after the result
      Given Red Rum wins
      When Alice tries to back Crisp to win at 5/1 with £10
      Then Alice's bet is refused because it is already resulted
      And Alice sees no bets

  Rule: A stake must be more than nothing

    Scenario Outline: Alice stakes <stake>
      When Alice tries to back Red Rum to win at 5/1 with <stake>
      Then Alice's bet is refused because <reason>

      Examples:
        | stake | reason                   |
        | £0    | the smallest stake is 1p |
        | -£5   | a stake is more than 0   |

  Rule: Odds must be odds

    Scenario Outline: Alice asks for odds of <price>
      When Alice tries to back Red Rum to win at <price> with £10
      Then Alice's bet is refused because <reason>
      And Alice sees no bets

      Examples:
        | price | reason                                      |
        | 5-1   | write fractional odds with a slash, e.g. 5/1 |
        | 5/0   | a fraction cannot be over 0                 |
        | 0/1   | odds of 0 win nothing                       |
