@story:LB-10
Feature: The load balancer rides out Docker daemon outages
  The Docker daemon restarts, and event streams drop. The load balancer
  keeps routing to the replicas it knows, reconnects, and catches up with
  whatever changed while it could not see.

  Background:
    Given a Docker daemon and load balancer of the scenario's own

  Rule: A Docker daemon restart does not interrupt traffic

    Scenario: The daemon restarts while requests arrive
      Given the checkout service runs 2 replicas
      When 200 requests arrive over 2 seconds
      And the Docker daemon restarts while they arrive
      Then no request fails

  Rule: Changes made while the event stream was down are caught up

    Scenario: A replica is added and one stopped while the load balancer cannot see events
      Given the checkout service runs 2 replicas
      When the load balancer loses the Docker daemon's events for 2 seconds
      And 300 requests arrive over 3 seconds
      And the checkout service is updated, one replica at a time, while they arrive
      Then no request fails
      And 20 more requests are all answered by the new version
