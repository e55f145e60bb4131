@starrocks @destructive
Feature: Stopping the FE and the BE over HTTP
  These scenarios stop the node they talk to, so a run skips them unless
  OLAPSPEC_DESTRUCTIVE=1 is set; run them alone, against a cluster you may stop:
  `OLAPSPEC_DESTRUCTIVE=1 olapspec run --tags @destructive`.

  # RestResult puts "status" into its HashMap last; Gson writes "Message" first. The action sets
  # application/json, and the newest RestBaseAction.sendResult(…, RestBaseResult) replaces it with
  # JSON_CONTENT_TYPE (that RestBaseAction is stored without a commit; the one @ f1d96ccd19 is older).
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/StopFeAction.java StopFeAction::executeWithoutPassword @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestResult.java RestResult::toJson @ 56dbd66c3c
  @source-checked @doc:fe
  Scenario: /api/stop stops the FE, and a second call says it is shutting down
    When I GET "/api/stop" on the FE
    Then the status is 200
    And the header "Content-Type" is "application/json; charset=UTF-8"
    And the body is '{"Message":"Stop success","status":"OK"}'
    When I GET "/api/stop" on the FE
    Then the status is 200
    And the body is '{"Message":"FE is shutting down","status":"OK"}'

  # With enable_stop_be_action false (default true) the answer is 403 {"status": "stop_be action is disabled by config"}.
  # A later stop_be_action.cpp seen in the store (commit not known) also wants the cluster token
  # when enable_token_check is on: 401 {"status": "token is not specified."} without it.
  # source: be/src/http/service/action/stop_be_action.cpp StopBeAction::handle @ 36bda69cad
  # source: be/src/service/service_be/http_service.cpp HttpServiceBE::start @ 061d464c2d
  @source-checked @doc:be
  Scenario: /api/_stop_be stops the BE
    When I GET "/api/_stop_be" on the BE without credentials
    Then the status is 200
    And the body is '{"status": "OK"}'
