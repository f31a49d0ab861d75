@story:SET-4
Feature: Dead heats
  When horses cannot be separated at the line they dead-heat: the places
  they share are divided between them, and so is the stake paid on them.

  Rule: In a dead heat for first, the stake is divided by the number of winners and paid at full odds

    Scenario: Two horses dead-heat for first
      Given Alice backs Red Rum to win at 10/1 with £10
      When Red Rum and Crisp dead-heat for first
      Then Alice is paid £55.00

    Scenario: Three horses dead-heat for first, and the returns are rounded down
      Given Alice backs Red Rum to win at 10/1 with £10
      When Red Rum, Crisp and Aldaniti dead-heat for first
      Then Alice is paid £36.66

  Rule: In a dead heat for the last place paid, the place part is divided

    Scenario: Two horses dead-heat for third of three places
      Given Alice backs Aldaniti each-way at 10/1 with £10
      When the result is:
        | position | runner   |
        | 1        | Red Rum  |
        | 2        | Crisp    |
        | 3        | Aldaniti |
        | 3        | Corbiere |
      Then Alice is paid £15.00

  Rule: A dead heat within the places paid divides nothing

    Scenario: Two horses dead-heat for second of three places
      Given Alice backs Aldaniti each-way at 10/1 with £10
      When the result is:
        | position | runner   |
        | 1        | Red Rum  |
        | 2        | Crisp    |
        | 2        | Aldaniti |
      Then Alice is paid £30.00
