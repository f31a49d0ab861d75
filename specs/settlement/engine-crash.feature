@story:SET-11
Feature: The engine survives a crash
  The settlement engine can be killed at any moment. When it comes back it
  has every bet it took and every result it was given, settles what is left
  to settle, and pays nothing twice.

  Background:
    Given a settlement engine of the scenario's own

  Rule: A crash between races loses no bet and no result, and pays nothing twice

    Scenario: The engine is killed after the first of two races
      Given these races:
        | race                | runners                  |
        | the 2:00 at Aintree | Red Rum, Crisp, Aldaniti |
        | the 2:35 at Aintree | Arkle, Mill House        |
      And Alice backs Red Rum to win at 5/2 with £10
      And Bob backs Arkle to win at 2/1 with £10
      And Carol places a £1 double on Red Rum at 4/1 and Arkle at 3/1
      And Red Rum wins
      When the engine crashes
      And the engine is restarted
      And Dan backs Mill House to win at 6/1 with £5
      And Arkle wins
      Then every bet taken is still there
      And no bet has been settled more than once
      And Alice is paid £35.00
      And Bob is paid £30.00
      And Carol is paid £20.00
      And Dan is paid £0.00

  Rule: A result declared again after a restart is not paid again

    Scenario: The judge's result is sent again after the crash
      Given Alice backs Red Rum to win at 5/2 with £10
      And Red Rum wins
      When the engine crashes
      And the engine is restarted
      And Red Rum is confirmed the winner
      Then no bet has been settled more than once
      And Alice's bet has been settled once, for £35.00
