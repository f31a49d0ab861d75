@story:LB-9
Feature: A request for an unknown host is refused
  A request for a host that no service has ever served is refused as not
  found, naming the host, so a mistyped address is obvious.

  Rule: An unknown host is refused as not found

    Scenario: A request for a service that was never deployed
      Given the checkout service runs 1 replica
      When a request arrives for the payroll service
      Then it is refused as not found, naming the host
