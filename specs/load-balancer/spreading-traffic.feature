@story:LB-2
Feature: Traffic is spread evenly across replicas
  By default the load balancer takes the replicas of a service in turn, so
  each gets the same share of the requests.

  Rule: Round-robin gives every healthy replica an equal share

    Scenario: 3 replicas share 300 requests
      Given the checkout service runs 3 replicas
      When 300 requests arrive over 2 seconds
      Then no request fails
      And each replica answers 100 of them

    Scenario: A replica added later gets its equal share from then on
      Given the checkout service runs 2 replicas
      And the checkout service is scaled to 3 replicas
      When 90 requests arrive over 1 second
      Then each replica answers 30 of them
