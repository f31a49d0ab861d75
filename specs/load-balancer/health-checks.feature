@story:LB-4
Feature: Only healthy replicas receive traffic
  A replica whose health check has not passed yet, or fails, gets no
  requests; once it passes, it gets its share.

  Rule: A replica that is still starting receives no traffic

    Scenario: A 3rd replica has not passed its health check yet
      Given the checkout service runs 2 replicas with health checks
      And a new replica starts with a health check that has not passed yet
      When 30 requests arrive over 1 second
      Then no request fails
      And replica 3 answers none of them

    Scenario: The starting replica passes its health check
      Given the checkout service runs 2 replicas with health checks
      And a new replica starts with a health check that has not passed yet
      When replica 3 becomes healthy
      Then replica 3 receives traffic within 2 seconds

  Rule: An unhealthy replica receives no traffic

    Scenario: Replica 2 of 3 fails its health check
      Given the checkout service runs 3 replicas with health checks
      When replica 2 becomes unhealthy
      And 60 requests arrive over 1 second
      Then no request fails
      And replica 2 answers none of them
