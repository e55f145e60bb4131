// StreamLoadContext::to_json (stream load, catalog §5.4) and to_resp_json
// (transaction interface, §6.3): field names and order, pretty 4-space JSON.

import { rapidPretty } from '../envelopes.ts';
import type { LoadCounters } from '../load/executor.ts';
import type { StatusCode } from '../load/params.ts';

export interface StreamLoadResult extends LoadCounters {
  txnId: number;
  label: string;
  /** undefined = OK. */
  error?: { code: StatusCode; message: string; existingJobStatus?: string };
  loadBytes: number;
  loadTimeMs: number;
  beginTxnTimeMs: number;
  planTimeMs: number;
  readDataTimeMs: number;
  writeDataTimeMs: number;
  commitAndPublishTimeMs: number;
  errorUrl?: string;
}

const STATUS_TEXT: Partial<Record<StatusCode, string>> = { PUBLISH_TIMEOUT: 'Publish Timeout', LABEL_ALREADY_EXISTS: 'Label Already Exists' };

export function streamLoadJson(r: StreamLoadResult): string {
  const body: Record<string, unknown> = { TxnId: r.txnId, Label: r.label };
  if (!r.error) {
    body.Status = 'Success';
    body.Message = 'OK';
  } else {
    body.Status = STATUS_TEXT[r.error.code] ?? 'Fail';
    if (r.error.code === 'LABEL_ALREADY_EXISTS') body.ExistingJobStatus = r.error.existingJobStatus ?? '';
    body.Message = r.error.message;
  }
  Object.assign(body, {
    NumberTotalRows: r.total, NumberLoadedRows: r.loaded, NumberFilteredRows: r.filtered, NumberUnselectedRows: r.unselected,
    LoadBytes: r.loadBytes, LoadTimeMs: r.loadTimeMs, BeginTxnTimeMs: r.beginTxnTimeMs, StreamLoadPlanTimeMs: r.planTimeMs,
    ReadDataTimeMs: r.readDataTimeMs, WriteDataTimeMs: r.writeDataTimeMs, CommitAndPublishTimeMs: r.commitAndPublishTimeMs,
  });
  if (r.errorUrl) body.ErrorURL = r.errorUrl;
  // RejectedRecordPath would follow, but StreamLoadOrchestrator no longer sets it: it is never written.
  return rapidPretty(body);
}

/** to_resp_json: `Status` is the TStatusCode name. */
export function txnRespJson(status: 'OK' | StatusCode, message: string, opts: { existingJobStatus?: string; inProcessingLabel?: string; ok?: Record<string, unknown>; errorUrl?: string } = {}): string {
  const body: Record<string, unknown> = { Status: status };
  if (status === 'LABEL_ALREADY_EXISTS') body.ExistingJobStatus = opts.existingJobStatus ?? '';
  if (status === 'TXN_IN_PROCESSING' && opts.inProcessingLabel !== undefined) body.Label = opts.inProcessingLabel;
  body.Message = message;
  if (status === 'OK' && opts.ok) Object.assign(body, opts.ok);
  if (opts.errorUrl) body.ErrorURL = opts.errorUrl;
  return rapidPretty(body);
}
