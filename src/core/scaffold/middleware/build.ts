import { goMiddleware } from './go';
import type { Framework, MiddlewareSpec } from './headers';
import { springMiddleware } from './java';
import { expressMiddleware } from './node';
import { fastApiMiddleware, flaskMiddleware } from './python';

interface FrameworkOutput {
  readonly label: string;
  readonly detail: string;
  readonly languageId: string;
  readonly fileName: string;
  readonly build: (spec: MiddlewareSpec) => string;
}

export const frameworks: Readonly<Record<Framework, FrameworkOutput>> = {
  flask: { label: 'Python · Flask', detail: 'requests Session that forwards the current request’s headers', languageId: 'python', fileName: 'trace_headers.py', build: flaskMiddleware },
  fastapi: { label: 'Python · FastAPI', detail: 'ASGI middleware + httpx client', languageId: 'python', fileName: 'trace_headers.py', build: fastApiMiddleware },
  express: { label: 'Node · Express', detail: 'AsyncLocalStorage middleware + fetch wrapper', languageId: 'javascript', fileName: 'traceHeaders.js', build: expressMiddleware },
  go: { label: 'Go · net/http', detail: 'Handler middleware + RoundTripper', languageId: 'go', fileName: 'trace_headers.go', build: goMiddleware },
  spring: { label: 'Java · Spring Boot', detail: 'Servlet filter + RestTemplate/RestClient interceptor (Boot 3.2+)', languageId: 'java', fileName: 'TraceHeaders.java', build: springMiddleware },
};

export function buildMiddleware(spec: MiddlewareSpec): string {
  return frameworks[spec.framework].build(spec);
}
