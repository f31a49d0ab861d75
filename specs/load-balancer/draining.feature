@story:LB-7
Feature: A stopping replica finishes what it is doing
  When a replica is stopped, the load balancer sends it no new request, and
  the request it is answering finishes normally.

  Rule: A stopping replica finishes its in-flight request and gets no new one

    Scenario: The replica answering a slow request is stopped
      Given the checkout service runs 2 replicas
      And a slow request, taking 2 seconds, is being answered
      When the replica answering it is stopped
      And 20 requests arrive over 1 second
      Then the slow request is answered
      And no request fails
      And the other replica answers all of them
