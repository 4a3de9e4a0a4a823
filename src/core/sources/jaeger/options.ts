/** How to reach a Jaeger query service. Credentials come from the caller (SecretStorage in the extension). */
export interface JaegerConnection {
  /** The query service's base URL, including any path prefix (`https://tracing.example.com/jaeger`). */
  readonly baseUrl: string;
  readonly auth?: JaegerAuth;
  readonly tls?: JaegerTls;
  /** Extra request headers (a tenant header such as `X-Scope-OrgID`, say). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per request, in milliseconds (default 15 s). */
  readonly timeoutMs?: number;
  /** Largest response accepted, after decompression (default 100 MiB). */
  readonly maxResponseBytes?: number;
  /** Which query API to use; `auto` tries v3 first and falls back to v1 (default). */
  readonly apiVersion?: 'auto' | 'v3' | 'v1';
}

export type JaegerAuth =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

export interface JaegerTls {
  /** PEM certificate(s) to trust in addition to the system store (a private CA). */
  readonly ca?: string;
  /** PEM client certificate and key, for mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
  /** False accepts any certificate: for testing only. */
  readonly rejectUnauthorized?: boolean;
}
