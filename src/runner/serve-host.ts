import { parentPort } from 'node:worker_threads';
import { AnalysisHost } from './analysis-host';
import type { AnalyzerApi } from './analyzer-api';
import type { HostRequest } from './worker-protocol';

/** Runs inside a worker thread: answers the scan's requests one at a time, in order. */
export function serveAnalysisHost(api: AnalyzerApi): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalysisHost must run in a worker thread');
  const host = new AnalysisHost(api);
  port.on('message', (request: HostRequest) => port.postMessage(host.handle(request)));
}
