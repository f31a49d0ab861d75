@story:LB-8
Feature: A service with no replica left says so, and recovers
  A service scaled to zero or whose replicas all died is still a known
  service: clients are told it is unavailable for now, not that it does not
  exist, and it serves again as soon as a replica returns.

  Rule: A service with no replica left answers "service unavailable"

    Scenario: The only replica is stopped
      Given the checkout service runs 1 replica
      When replica 1 is stopped
      And a request arrives for the checkout service
      Then it is answered "service unavailable", with a time to retry

    Scenario: The only replica crashes
      Given the checkout service runs 1 replica
      When replica 1 crashes
      And 5 requests arrive one after another
      Then they are answered "service unavailable", with a time to retry

  Rule: The service recovers when a replica returns

    Scenario: A replica returns after the service was scaled to zero
      Given the checkout service runs 1 replica
      And the checkout service is scaled to 0 replicas
      When the checkout service is scaled to 1 replica
      And 20 requests arrive over 1 second
      Then no request fails
