@starrocks @catalog @doc:fe
Feature: FE authentication levels per endpoint
  Each FE endpoint has one of four levels (catalog §3): none, FE hosts only,
  any valid user, or administrators (user root, role root, or both db_admin and
  user_admin). Endpoints without authentication answer without credentials;
  the others refuse a request without them with 401 and the v1 envelope.

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
      | /api/profile?query_id=olapspec-no-such-id | 404    | ^query id olapspec-no-such-id not found |
      | /api/connection?connection_id=999999999   | 404    | ^connection id 999999999 not found      |
      | /api/show_data                            | 200    | ^\d+$                                  |
      | /dump                                     | 200    | ^dump finished.                        |

  Scenario Outline: <method> <path> needs credentials
    When I <method> "<path>" on the FE without credentials
    Then the FE answers 401 with the FAILED envelope "Need auth information."
    And the header "WWW-Authenticate" is "Basic realm=\"\""

    Examples:
      | method | path                                                 |
      | GET    | /api/olapspec_db/get_load_state?label=x              |
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

  Scenario Outline: <method> <path> is for administrators only
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I <method> "<path>" on the FE as "{u}" with the password "olapspec1"
    Then the FE answers 401 with the FAILED envelope without a message
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

  # Without the SYSTEM OPERATE privilege; the exact message depends on the
  # authorizer version (catalog §1.3), the status and envelope do not.
  Scenario Outline: <path> needs the SYSTEM OPERATE privilege
    Given a StarRocks user "{u}" with the password "olapspec1"
    When I GET "<path>" on the FE as "{u}" with the password "olapspec1"
    Then the status is 401
    And the body matches the template '{"status":"FAILED","code":"1"{any}}'

    Examples:
      | path                                              |
      | /api/check_decommission?host_ports=192.0.2.1:9050 |
      | /api/stop                                         |
