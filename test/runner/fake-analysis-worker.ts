// Worker entry for runner tests: the real host protocol around the fake analyzer.
import { serveAnalysisHost } from '../../src/runner/serve-host';
import { fakeAnalyzer } from './fake-analyzer';

serveAnalysisHost(fakeAnalyzer);
