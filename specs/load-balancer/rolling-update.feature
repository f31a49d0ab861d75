@story:LB-6
Feature: A rolling update costs no request
  A new version is rolled out one replica at a time: start a new one, wait
  until it takes traffic, stop an old one. Clients do not notice.

  Rule: A rolling update of every replica causes zero failed requests

    Scenario: 3 replicas are replaced one by one under load
      Given the checkout service runs 3 replicas
      When 600 requests arrive over 6 seconds
      And the checkout service is updated, one replica at a time, while they arrive
      Then no request fails
      And 50 more requests are all answered by the new version
