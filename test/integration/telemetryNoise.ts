/**
 * Built-in extensions of the VS Code server send telemetry from the extension host on timers; with no network in
 * the test machine their DNS lookups fail as uncaught errors, which mocha pins on whichever test is running. While
 * installed, this filter drops exactly those failures (DNS errors for Microsoft telemetry hosts) and hands every
 * other uncaught error to the original listeners (mocha's and the extension host's).
 */
const telemetryHost = /getaddrinfo (ENOTFOUND|EAI_AGAIN) [\w.-]*(events\.data\.microsoft\.com|dc\.services\.visualstudio\.com)/;

export function isTelemetryNoise(error: unknown): boolean {
  return error instanceof Error && telemetryHost.test(error.message);
}

type Listener = (error: unknown, origin?: unknown) => void;

/** Installs the filter; returns a function that restores the original listeners. */
export function ignoreTelemetryNoise(): () => void {
  const original = process.listeners('uncaughtException') as Listener[];
  const filter = (error: unknown, origin?: unknown): void => {
    if (isTelemetryNoise(error)) return;
    for (const listener of original) listener(error, origin);
  };
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', filter);
  return () => {
    process.removeListener('uncaughtException', filter);
    for (const listener of original) process.on('uncaughtException', listener);
  };
}
