@story:SET-5
Feature: Withdrawals and Rule 4
  A horse withdrawn after bets were struck shortens the odds of the rest, so
  Tattersalls Rule 4 deducts from the winnings of bets struck before the
  withdrawal, by the withdrawn horse's price: the shorter its price, the
  bigger the deduction, and never more than 90p in the pound.

  Rule: Winnings of bets struck before a withdrawal lose its Rule 4 deduction

    Scenario: A 3/1 withdrawal takes 25p in the pound
      Given Alice backs Red Rum to win at 8/1 with £10
      When Crisp is withdrawn at 3/1
      And Red Rum wins
      Then the Rule 4 deduction for Crisp is 25p in the pound
      And Alice is paid £70.00

  Rule: Bets struck after the withdrawal are not deducted

    Scenario: Alice bets before the withdrawal, Bob after it
      Given Alice backs Red Rum to win at 8/1 with £10
      When Crisp is withdrawn at 3/1
      And Bob backs Red Rum to win at 8/1 with £10
      And Red Rum wins
      Then Alice is paid £70.00
      And Bob is paid £90.00

  Rule: The deductions of several withdrawals add up

    Scenario: Withdrawals at 3/1 and 4/1 take 45p in the pound
      Given Alice backs Red Rum to win at 8/1 with £10
      When Crisp is withdrawn at 3/1
      And Aldaniti is withdrawn at 4/1
      And Red Rum wins
      Then the Rule 4 deduction for Aldaniti is 20p in the pound
      And Alice is paid £54.00

  Rule: Rule 4 never takes more than 90p in the pound

    Scenario: Two odds-on withdrawals would take £1.20, and take 90p
      Given Alice backs Red Rum to win at 8/1 with £10
      When Crisp is withdrawn at 1/2
      And Aldaniti is withdrawn at 4/6
      And Red Rum wins
      Then the Rule 4 deduction for Crisp is 65p in the pound
      And the Rule 4 deduction for Aldaniti is 55p in the pound
      And Alice is paid £18.00

  Rule: A bet on a withdrawn horse is void, and its stake is returned

    Scenario: Alice backed the horse that was withdrawn
      Given Alice backs Crisp to win at 3/1 with £10
      When Crisp is withdrawn at 3/1
      And Red Rum wins
      Then Alice is paid £10.00
