// Paths the FE does not know (per method): NotFoundAction, a WebBaseAction
// that wants Basic auth (401), then GET → the 404 page, POST → 501, other
// methods → 405 (catalog §1.2).

import { restBaseResult } from '../envelopes.ts';
import type { Exchange } from '../http/exchange.ts';
import { AccessDenied, authenticate } from '../auth.ts';
import type { FeDeps } from './action.ts';
import { feSend } from './action.ts';

const PAGE_HEADER = '<!DOCTYPE html><html><head>  <title>StarRocks Cluster</title>  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" >'
  + '  <link rel="shortcut icon" href="/static/images?res=favicon.ico">  <link href="/static/css?res=bootstrap.css"   rel="stylesheet" media="screen"/>'
  + '  <link href="/static/css?res=bootstrap-theme.css"   rel="stylesheet" media="screen"/>  <link href="/static/css?res=datatables_bootstrap.css"     rel="stylesheet" media="screen"/>'
  + '  <script type="text/javascript" src="/static?res=jquery.js"></script>  <script type="text/javascript" src="/static?res=jquery.dataTables.js"></script>'
  + '  <script type="text/javascript" src="/static?res=datatables_bootstrap.js"></script>  <script type="text/javascript" src="/static?res=starrocks.js"></script>'
  + '  <script type="text/javascript">     $(document).ready(function() {       $(\'#table_id\').dataTable({         "aaSorting": [],        "lengthMenu": [[10, 25, 50, 100,-1], [10, 25, 50, 100, "All"]],        "iDisplayLength": 50, });    });     $(document).ready(function () {        var location = window.location.pathname;        var id = location.substring(location.lastIndexOf(\'/\') + 1);        if (id != null || $.trim(id) != "") {           $("#nav_" + id).addClass("active");        }    });  </script>   <style>    body {      padding-top: 60px;    }  </style></head><body>';
const NAV_PREFIX = '  <nav class="navbar navbar-default navbar-fixed-top" role="navigation">    <div class="container-fluid">    <div class="navbar-header">      <a class="navbar-brand" href="/" style="padding: unset;">        <img alt="StarRocks" style="height: inherit;" src="/static/images?res=starrocks-logo.png">      </a>    </div>    <div>      <ul class="nav navbar-nav" role="tablist">';
const NAV_ITEMS = [['system', 'system'], ['backend', 'backends'], ['log', 'logs'], ['query', 'queries'], ['session', 'sessions'], ['variable', 'variables'], ['ha', 'ha']]
  .map(([id, text]) => `<li id="nav_${id}"><a href="/${id}">${text}</a></li>`).join('');
const NAV_SUFFIX = '      </ul>    </div>  </nav>  <div class="container">';
const PAGE_FOOTER = '</div></body></html>';

/** The 404 page of an authorized request. */
export const NOT_FOUND_PAGE = PAGE_HEADER + NAV_PREFIX + NAV_ITEMS + NAV_SUFFIX + 'this is 404 page.' + PAGE_FOOTER;

export function handleUnknownPath(deps: FeDeps, x: Exchange): void {
  try {
    authenticate(deps.cluster.users, x.header('authorization'), x.remoteIp);
  } catch (e) {
    return feSend(x, `Authentication Failed. <br/> ${(e as AccessDenied).detail}`, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm=""' } });
  }
  if (x.method === 'GET') return feSend(x, NOT_FOUND_PAGE, { status: 404 });
  if (x.method === 'POST') return feSend(x, restBaseResult('Not implemented'), { status: 501 });
  feSend(x, restBaseResult(`HTTP method is not allowed: ${x.method}`), { status: 405 });
}
