/** Why a source failed, for code (retry? ask for a token?) and for people (the message). */
export type SourceErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'redirected'
  | 'server-error'
  | 'not-json'
  | 'too-large'
  | 'truncated'
  | 'bad-response'
  | 'invalid-query'
  | 'unreadable';

/** A source failure with a message that says what happened and what to check. */
export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Runs a synchronous answer as a promise that rejects (rather than throws) when cancelled or failing. */
export function answerFromMemory<T>(signal: AbortSignal | undefined, what: string, compute: () => T): Promise<T> {
  try {
    throwIfAborted(signal, what);
    return Promise.resolve(compute());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Throws a `cancelled` SourceError when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new SourceError('cancelled', `${what} was cancelled`);
}
