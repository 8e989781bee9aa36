/**
 * The webview's only line to the extension host. `acquireVsCodeApi` is called once and kept in this
 * module (never on `window`); incoming messages are validated before anyone sees them.
 */
import { validateHostMessage, type HostMessage, type SavedState, type WebviewMessage } from './protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function postToHost(message: WebviewMessage): void {
  api.postMessage(message);
}

export function reportError(error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  postToHost({ type: 'reportError', message: text.slice(0, 2_000) });
}

/** Whatever `setState` stored last time; the caller validates it like any other untrusted input. */
export function loadSavedState(): unknown {
  return api.getState();
}

export function saveState(state: SavedState): void {
  api.setState(state);
}

export function onHostMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const checked = validateHostMessage(event.data);
    if (!checked.ok) {
      reportError(`ignored a message to the webview: ${checked.error}`);
      return;
    }
    try {
      handler(checked.value);
    } catch (error) {
      reportError(error);
    }
  });
}
