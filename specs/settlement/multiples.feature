@story:SET-6
Feature: Multiples
  A double, treble or accumulator backs one horse in each of several races:
  the returns of each winning leg are staked on the next.

  Background:
    Given these races:
      | race                | runners                                            |
      | the 2:00 at Aintree | Red Rum, Crisp, Aldaniti, Corbiere, Rag Trade      |
      | the 2:35 at Aintree | Arkle, Mill House, Dawn Run, Sea Pigeon, Grittar   |
      | the 3:10 at Aintree | Best Mate, Denman, Kauto Star, Night Nurse, Papillon |

  Rule: A multiple rolls the returns of each winning leg on to the next

    Scenario: A £1 double at 4/1 and 3/1, both winning
      Given Alice places a £1 double on Red Rum at 4/1 and Arkle at 3/1
      When Red Rum wins
      And Arkle wins
      Then Alice is paid £20.00

    Scenario: A double with a losing leg
      Given Alice places a £1 double on Red Rum at 4/1 and Arkle at 3/1
      When Red Rum wins
      And Mill House wins
      Then Alice is paid £0.00

  Rule: A void leg counts as a winner at evens: the multiple is settled on the other legs

    Scenario: A treble with a non-runner is settled as a double
      Given Alice places a £1 treble on Red Rum at 4/1, Arkle at 3/1 and Best Mate at 2/1
      When Best Mate is withdrawn at 5/1
      And Red Rum wins
      And Arkle wins
      Then Alice's treble returns £20.00

    Scenario: A double with a leg in a void race is settled as a single
      Given Alice places a £1 double on Red Rum at 4/1 and Arkle at 3/1
      When the 2:35 at Aintree is void
      And Red Rum wins
      Then Alice's double returns £5.00

  Rule: An each-way multiple is a win multiple and a place multiple, each at the stake

    Scenario: An each-way double whose second leg is placed
      Given Alice places a £1 each-way double on Red Rum at 4/1 and Arkle at 3/1
      When Red Rum wins
      And Arkle finishes 2nd
      Then Alice is paid £3.50

    Scenario: An each-way double of two winners
      Given Alice places a £1 each-way double on Red Rum at 4/1 and Arkle at 3/1
      When Red Rum wins
      And Arkle wins
      Then Alice is paid £23.50
