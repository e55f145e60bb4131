@starrocks @doc:fe
Feature: FE authentication levels per endpoint
  Each FE endpoint has one of these levels: none, FE hosts only, any valid
  user, the SYSTEM OPERATE privilege, or administrators (user root, role root,
  or both db_admin and user_admin). Endpoints without authentication answer
  without credentials (in the newest RestBaseAction: needAuth() is false, or
  Config.enable_http_auth, off by default, for the historically anonymous
  ones); the others refuse a request without them with 401 and the v1
  envelope.

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/HealthAction.java HealthAction::execute @ 06603b4146
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowMetaInfoAction.java ShowMetaInfoAction::needAuth @ 00dc7bd07b
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowRuntimeInfoAction.java ShowRuntimeInfoAction::execute @ 56dbd66c3c
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ConnectionAction.java ConnectionAction::needAuth @ 0160d4fbed
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowDataAction.java ShowDataAction::needAuth @ 0160d4fbed
  @source-checked
  Scenario Outline: <path> answers without credentials
    When I GET "<path>" on the FE without credentials
    Then the status is <status>
    And the header "WWW-Authenticate" is absent
    And the body matches '<body>'

    Examples:
      | path                                      | status | body                                   |
      | /api/health                               | 200    | ^\{"online_backend_num":               |
      | /metrics                                  | 200    | ^# (HELP\|TYPE)                         |
      | /api/show_meta_info?action=SHOW_HA        | 200    | "role":"(LEADER\|FOLLOWER\|OBSERVER)"   |
      | /api/show_runtime_info                    | 200    | "thread_cnt":"\d+"                     |
      | /api/connection?connection_id=999999999   | 404    | ^connection id 999999999 not found      |
      | /api/show_data                            | 200    | ^\d+$                                  |
      | /dump                                     | 200    | ^dump finished.                        |

  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/RestBaseAction.java RestBaseAction::execute @ f1d96ccd19
  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::getAuthorizationInfo @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ProfileAction.java ProfileAction::executeWithoutPassword @ 0160d4fbed
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/TransactionLoadAction.java TransactionLoadAction::executeWithoutPassword @ 0123c994f8
  @source-checked
  Scenario Outline: <method> <path> needs credentials
    When I <method> "<path>" on the FE without credentials
    Then the FE answers 401 with the FAILED envelope "Need auth information."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

    Examples:
      | method | path                                                 |
      | GET    | /api/olapspec_db/get_load_state?label=x              |
      | GET    | /api/profile?query_id=olapspec-no-such-id            |
      | GET    | /api/olapspec_db/_load_info?label=x                  |
      | POST   | /api/olapspec_db/olapspec_label/_cancel              |
      | GET    | /api/get_log_file?type=fe.audit.log                  |
      | POST   | /api/query_dump?db=olapspec_db                       |
      | GET    | /api/olapspec_db/olapspec_table/_count               |
      | GET    | /api/olapspec_db/olapspec_table/_schema              |
      | GET    | /api/olapspec_db/olapspec_table/_query_plan          |
      | POST   | /api/transaction/begin                               |
      | GET    | /api/check_decommission?host_ports=192.0.2.1:9050    |
      | GET    | /api/stop                                            |
      | GET    | /api/_set_config?label_keep_max_second=259200        |
      | GET    | /api/_get_ddl?db=olapspec_db&tbl=olapspec_table      |
      | GET    | /api/_migration?db=olapspec_db                       |
      | GET    | /api/_check_storagetype?db=olapspec_db               |
      | GET    | /api/show_proc?path=/                                |
      | GET    | /api/rowcount?db=olapspec_db&table=olapspec_table    |
      | GET    | /api/_meta_replay_state                              |
      | GET    | /api/colocate                                        |
      | POST   | /api/colocate/group_stable?db_id=1&group_id=1        |
      | POST   | /api/colocate/group_unstable?db_id=1&group_id=1      |
      | POST   | /api/colocate/bucketseq?db_id=1&group_id=1           |
      | POST   | /api/colocate/update_group?db_id=1&group_id=1        |
      | POST   | /api/global_dict/table/enable?db_name=d&table_name=t&enable=true |

  # source: fe/fe-core/src/main/java/com/starrocks/http/BaseAction.java BaseAction::checkUserOwnsAdminRole @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/SetConfigAction.java SetConfigAction::executeWithoutPassword @ 6537fe99f0
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/ShowProcAction.java ShowProcAction::executeWithoutPassword @ 91f77cc2bd
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/MetaReplayerCheckAction.java MetaReplayerCheckAction::executeWithoutPassword @ 6537fe99f0
  # source: fe/fe-core/src/main/java/com/starrocks/http/meta/ColocateMetaService.java ColocateMetaBaseAction::executeWithoutPassword @ 039e00c8bf
  @source-checked
  Scenario Outline: <method> <path> is for administrators only
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I <method> "<path>" on the FE as "{u}" with the password "olapspec1"
Then the FE answers 401 with the FAILED envelope "Access denied for user '{u}'@'%'. Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): {anything}. Inactivated role(s): {anything}."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

    Examples:
      | method | path                                                 |
      | GET    | /api/_set_config?label_keep_max_second=259200        |
      | GET    | /api/_get_ddl?db=olapspec_db&tbl=olapspec_table      |
      | GET    | /api/_migration?db=olapspec_db                       |
      | GET    | /api/_check_storagetype?db=olapspec_db               |
      | GET    | /api/show_proc?path=/                                |
      | GET    | /api/rowcount?db=olapspec_db&table=olapspec_table    |
      | GET    | /api/_meta_replay_state                              |
      | GET    | /api/colocate                                        |
      | POST   | /api/colocate/group_stable?db_id=1&group_id=1        |
      | POST   | /api/colocate/group_unstable?db_id=1&group_id=1      |
      | POST   | /api/colocate/bucketseq?db_id=1&group_id=1           |
      | POST   | /api/colocate/update_group?db_id=1&group_id=1        |
      | POST   | /api/global_dict/table/enable?db_name=d&table_name=t&enable=true |

  # Authorizer.checkSystemAction reports a missing privilege with ErrorReportException, a
  # RuntimeException that RestBaseAction answers with 500 (not the 401 of AccessDeniedException).
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/CheckDecommissionAction.java CheckDecommissionAction::executeWithoutPassword @ 9c4caa1e96
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/StopFeAction.java StopFeAction::executeWithoutPassword @ 0178d9be75
  # source: fe/fe-core/src/main/java/com/starrocks/http/rest/GetLogFileAction.java GetLogFileAction::executeWithoutPassword @ 039e00c8bf
  # source: fe/fe-core/src/main/java/com/starrocks/sql/analyzer/Authorizer.java Authorizer::checkSystemAction @ 0011a80be5
  # source: fe/fe-core/src/main/java/com/starrocks/authorization/AccessDeniedException.java AccessDeniedException::reportAccessDenied @ 0178d9be75
  @source-checked
  Scenario Outline: <path> needs the SYSTEM OPERATE privilege, refused with 500
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I GET "<path>" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 500 with the FAILED envelope "Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM for this operation. Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): {anything}. Inactivated role(s): {anything}."
    And the header "WWW-Authenticate" is absent

    Examples:
      | path                                              |
      | /api/check_decommission?host_ports=192.0.2.1:9050 |
      | /api/stop                                         |
      | /api/get_log_file?type=fe.audit.log               |
