@story:LB-11
Feature: Services never see each other's traffic
  Many services share one load balancer, each under its own host. A request
  only ever reaches a replica of the service whose host it names.

  Rule: Two services with different hosts never see each other's traffic

    Scenario: Checkout and search are busy at the same time
      Given the checkout service runs 2 replicas
      And the search service runs 2 replicas
      When 100 requests arrive for each of the checkout and search services over 1 second
      Then every request is answered by a replica of the service it was sent to
      And no request fails
