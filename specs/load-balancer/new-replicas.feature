@story:LB-1
Feature: New replicas receive traffic
  A replica started for a service takes its share of the traffic within
  seconds, without anyone reloading or reconfiguring the load balancer.

  Rule: A new replica receives traffic within 2 seconds of starting

    Scenario: A service is scaled from 1 replica to 2
      Given the checkout service runs 1 replica
      When the checkout service is scaled to 2 replicas
      Then replica 2 receives traffic within 2 seconds

  Rule: Every replica of a newly deployed service receives traffic

    Scenario: A new service is deployed with 3 replicas
      When the search service is deployed with 3 replicas
      And 30 requests arrive over 1 second
      Then no request fails
      And each replica answers 10 of them
