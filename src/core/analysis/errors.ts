import type { Span } from '../model/trace';

const httpStatusKeys = ['http.response.status_code', 'http.status_code'] as const;

/**
 * Why a span counts as an error, or undefined: status ERROR, an `error` attribute that is true (Jaeger/OpenTracing)
 * or, as Zipkin writes it, a message, or an HTTP status of 500 or more.
 */
export function errorReason(span: Span): string | undefined {
  if (span.status.code === 'error') return span.status.message ? `status ERROR: ${span.status.message}` : 'status ERROR';
  const error = span.attributes.error;
  if (error === true || error === 'true') return 'error=true';
  for (const key of httpStatusKeys) {
    const value = span.attributes[key];
    const status = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (status >= 500 && status < 600) return `HTTP ${status}`;
  }
  return undefined;
}
