// Entry point of an analysis worker thread (bundled as dist/analysis-worker.js).
import { analyzer } from './analyzer-binding';
import { serveAnalysisHost } from './serve-host';

serveAnalysisHost(analyzer);
