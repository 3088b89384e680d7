import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils.js';
import { findTemporalCli } from '../../lib/temporal-cli.ts';

type ProtoJson = {
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): History | null;
};

/**
 * A workflow history from the JSON that `temporal workflow show --output json` writes (the
 * format the SDK's `historyFromJSON` reads). When the installed SDK holds two copies of
 * protobufjs — @temporalio/common's and @temporalio/proto's, as npm lays them out next to
 * grpc's protobufjs 7 — `historyFromJSON` throws "type must be a Type"; the history is then
 * parsed with the copy that the history types belong to.
 */
export const loadHistory = (json: unknown): History => {
  try {
    return historyFromJSON(json);
  } catch (error) {
    if (!(error instanceof TypeError) || error.message !== 'type must be a Type') throw error;
  }
  const fromProto = createRequire(createRequire(import.meta.url).resolve('@temporalio/proto'));
  const { fromJson } = fromProto('protobufjs/ext/protojson') as ProtoJson;
  const root = fromProto('@temporalio/proto') as { lookupType(name: string): unknown };
  const history = fromJson(root.lookupType('temporal.api.history.v1.History'), json, { ignoreUnknownFields: true });
  if (!history) throw new TypeError('not a workflow history');
  return history;
};

/** The history of a workflow as `temporal workflow show --output json` prints it. */
export const showHistory = async (address: string, workflowId: string): Promise<string> => {
  const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, install: false });
  if (!cli) throw new Error('recording a history needs the Temporal CLI');
  const { stdout } = await promisify(execFile)(cli, ['workflow', 'show', '--address', address, '--workflow-id', workflowId, '--output', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
};
