@story:SET-1
Feature: Win singles
  As a punter, I back a horse to win; if it wins I am paid my stake back
  with the odds I took on it, exactly, to the penny.

  Rule: A winning single returns the stake and the stake times the odds

    Scenario Outline: Alice backs the winner at <price>
      Given Alice backs Red Rum to win at <price> with <stake>
      When Red Rum wins
      Then Alice is paid <returns>

      Examples:
        | stake | price | returns |
        | £10   | 2/1   | £30.00  |
        | £10   | 5/2   | £35.00  |
        | £5    | evens | £10.00  |
        | £2    | 11/4  | £7.50   |

  Rule: A losing single returns nothing

    Scenario: Alice backs a horse that does not win
      Given Alice backs Red Rum to win at 2/1 with £10
      When Crisp wins
      Then Alice is paid £0.00

  Rule: Returns are rounded down to the penny, once, at the end

    Scenario: 33p at 5/2 returns £1.15, not £1.16
      Given Alice backs Red Rum to win at 5/2 with £0.33
      When Red Rum wins
      Then Alice is paid £1.15
