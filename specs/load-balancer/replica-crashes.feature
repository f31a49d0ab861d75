@story:LB-5
Feature: A replica that dies under load costs no request
  A replica's process can die at any moment. The requests it refuses are
  retried on another replica, so clients never see the failure.

  Rule: A replica that crashes under load causes zero failed requests

    Scenario: Replica 2 of 3 is killed while requests arrive
      Given the checkout service runs 3 replicas
      When 300 requests arrive over 3 seconds
      And replica 2 crashes while they arrive
      Then no request fails
      And replica 2 answers none of the requests sent after it ended

  Rule: A replica whose process is told to terminate causes zero failed requests

    Scenario: Replica 1 of 2 is terminated while requests arrive
      Given the checkout service runs 2 replicas
      When 200 requests arrive over 2 seconds
      And replica 1 is terminated while they arrive
      Then no request fails
      And replica 1 answers none of the requests sent after it ended
