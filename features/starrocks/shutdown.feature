@starrocks @catalog @destructive
Feature: Stopping the FE and the BE over HTTP
  These scenarios stop the node they talk to, so a run skips them unless
  OLAPSPEC_DESTRUCTIVE=1 is set; run them alone, against a cluster you may stop:
  `OLAPSPEC_DESTRUCTIVE=1 olapspec run --tags @destructive`.

  @doc:fe
  Scenario: /api/stop stops the FE, and a second call says it is shutting down
    When I GET "/api/stop" on the FE
    Then the status is 200
    And the header "Content-Type" matches "^application/json"
    And the body is '{"Message":"Stop success","status":"OK"}'
    When I GET "/api/stop" on the FE
    Then the status is 200
    And the body is '{"Message":"FE is shutting down","status":"OK"}'

  @doc:be
  Scenario: /api/_stop_be stops the BE
    When I GET "/api/_stop_be" on the BE without credentials
    Then the status is 200
    And the body matches the template '{"status": "OK"}{any}'
