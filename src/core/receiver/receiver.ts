import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParseResult } from '../formats/parseResult';
import type { Logger } from '../log/logger';
import { Emitter, type Event } from '../util/event';
import { readBody, RequestError, type BodyLimits } from './body';
import { decodeOtlpJson, decodeOtlpProtobuf, decodeZipkinJson } from './decodeRequest';
import { contentTypeOf, exportResponse, GrpcCode, statusResponse, type OtlpEncoding } from './otlpResponses';
import type { TraceStore } from './traceStore';

/**
 * The built-in receiver: OTLP/HTTP (`POST /v1/traces`, JSON or protobuf, optionally gzip) and Zipkin v2
 * (`POST /api/v2/spans`, JSON, optionally gzip) on 127.0.0.1 by default. Answers as the OTLP/HTTP spec says
 * (200 with partial success, 400 malformed, 413 too large, 415 unsupported type), bounds body size and
 * decompressed size, and keeps serving whatever it is sent. A port that is taken fails that endpoint only, with a
 * clear message in its state; nothing throws.
 */

export type ReceiverProtocol = 'otlp' | 'zipkin';

export interface ReceiverOptions {
  /** The address to bind; 127.0.0.1 keeps the receiver private to this machine. */
  readonly host: string;
  /** 0 picks a free port (tests); defaults in the extension are 4318 and 9411. */
  readonly otlpPort: number;
  readonly zipkinPort: number;
  readonly limits?: Partial<BodyLimits>;
}

export interface ReceiverEndpoint {
  readonly protocol: ReceiverProtocol;
  readonly status: 'listening' | 'failed' | 'stopped';
  readonly host: string;
  /** The bound port when listening, else the requested one. */
  readonly port: number;
  /** Where to send spans, when listening. */
  readonly url?: string;
  readonly error?: string;
  /** `port-in-use` lets the extension suggest another port. */
  readonly errorCode?: 'port-in-use' | 'permission' | 'address' | 'other';
}

/** One request handled: what was stored and what was refused. */
export interface IngestEvent {
  readonly protocol: ReceiverProtocol;
  readonly status: number;
  readonly acceptedSpans: number;
  readonly rejectedSpans: number;
  readonly traceIds: readonly string[];
  readonly error?: string;
}

export const defaultBodyLimits: BodyLimits = { maxBodyBytes: 20 * 1024 * 1024, maxDecompressedBytes: 64 * 1024 * 1024 };

const paths: Readonly<Record<ReceiverProtocol, string>> = { otlp: '/v1/traces', zipkin: '/api/v2/spans' };

export class TraceReceiver {
  private readonly servers = new Map<ReceiverProtocol, Server>();
  private readonly states = new Map<ReceiverProtocol, ReceiverEndpoint>();
  private readonly ingested = new Emitter<IngestEvent>();
  private readonly limits: BodyLimits;
  readonly onDidIngest: Event<IngestEvent> = this.ingested.event;

  private constructor(
    private readonly options: ReceiverOptions,
    private readonly store: TraceStore,
    private readonly log: Logger,
  ) {
    this.limits = { ...defaultBodyLimits, ...options.limits };
  }

  /** Starts both endpoints; resolves when each is listening or has failed (see `endpoints`). */
  static async start(options: ReceiverOptions, store: TraceStore, log: Logger): Promise<TraceReceiver> {
    const receiver = new TraceReceiver(options, store, log);
    await Promise.all([receiver.listen('otlp', options.otlpPort), receiver.listen('zipkin', options.zipkinPort)]);
    return receiver;
  }

  get endpoints(): readonly ReceiverEndpoint[] {
    return (['otlp', 'zipkin'] as const).flatMap((protocol) => this.states.get(protocol) ?? []);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.servers].map(
        ([protocol, server]) =>
          new Promise<void>((resolve) => {
            server.close(() => {
              resolve();
            });
            server.closeAllConnections();
            const state = this.states.get(protocol);
            if (state) this.states.set(protocol, { protocol, status: 'stopped', host: state.host, port: state.port });
          }),
      ),
    );
    this.servers.clear();
    this.ingested.dispose();
  }

  private listen(protocol: ReceiverProtocol, port: number): Promise<void> {
    const host = this.options.host;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      this.states.set(protocol, { protocol, status: 'failed', host, port, errorCode: 'other', error: `${port} is not a port number (0–65535; 0 picks a free port)` });
      this.log.warn(`Receiver (${protocol}) not started: ${port} is not a port number`);
      return Promise.resolve();
    }
    const server = createServer((request, response) => {
      void this.handle(protocol, request, response);
    });
    // Slow or stalled clients must not hold connections forever.
    server.headersTimeout = 15_000;
    server.requestTimeout = 60_000;
    return new Promise((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        const failure = describeListenError(error, host, port);
        this.states.set(protocol, { protocol, status: 'failed', host, port, ...failure });
        this.log.warn(`Receiver (${protocol}) could not listen on ${host}:${port}: ${failure.error}`);
        resolve();
      });
      server.listen(port, host, () => {
        server.removeAllListeners('error');
        server.on('error', (error) => {
          this.log.error(`Receiver (${protocol}) server error: ${error.message}`);
        });
        const bound = (server.address() as AddressInfo).port;
        const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}${paths[protocol]}`;
        this.servers.set(protocol, server);
        this.states.set(protocol, { protocol, status: 'listening', host, port: bound, url });
        this.log.info(`Receiver (${protocol === 'otlp' ? 'OTLP/HTTP' : 'Zipkin v2'}) listening on ${url}`);
        resolve();
      });
    });
  }

  private async handle(protocol: ReceiverProtocol, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const otlpEncoding: OtlpEncoding = mediaType(request) === 'application/json' ? 'json' : 'protobuf';
    try {
      this.checkRequest(protocol, request);
      const decode = this.decoderFor(protocol, request);
      const body = await readBody(request, this.limits);
      const result = decode(body, `${protocol} request from ${request.socket.remoteAddress ?? 'unknown'}`);
      this.accept(protocol, result, otlpEncoding, response);
    } catch (error) {
      this.refuse(protocol, error, otlpEncoding, request, response);
    }
  }

  /** Path, method and, on a loopback bind, the Host header (so a web page cannot reach us by DNS rebinding). */
  private checkRequest(protocol: ReceiverProtocol, request: IncomingMessage): void {
    const path = (request.url ?? '').split('?')[0];
    if (path !== paths[protocol] && path !== `${paths[protocol]}/`) throw new RequestError(404, `no such endpoint ${path ?? ''}; send to ${paths[protocol]}`);
    if (request.method !== 'POST') throw new RequestError(405, `${paths[protocol]} accepts POST only`);
    if (isLoopback(this.options.host) && !isLoopbackHostHeader(request.headers.host)) {
      throw new RequestError(400, `the Host header "${request.headers.host ?? ''}" is not this machine; the receiver only accepts local requests`);
    }
  }

  private decoderFor(protocol: ReceiverProtocol, request: IncomingMessage): (body: Uint8Array, source: string) => ParseResult {
    const type = mediaType(request);
    if (protocol === 'otlp') {
      if (type === 'application/json') return decodeOtlpJson;
      if (type === 'application/x-protobuf' || type === 'application/protobuf') return decodeOtlpProtobuf;
      throw new RequestError(415, `unsupported Content-Type "${type}": send application/json or application/x-protobuf`);
    }
    if (type === 'application/json' || type === '') return decodeZipkinJson;
    throw new RequestError(415, `unsupported Content-Type "${type}": the Zipkin endpoint accepts JSON (v2) only`);
  }

  private accept(protocol: ReceiverProtocol, result: ParseResult, encoding: OtlpEncoding, response: ServerResponse): void {
    const spans = result.traces.flatMap((trace) => trace.spans);
    const updates = this.store.add(spans);
    const rejected = result.skipped.length;
    const message = result.skipped
      .slice(0, 3)
      .map((item) => item.reason)
      .join('; ');
    if (rejected > 0) this.log.warn(`Receiver (${protocol}) rejected ${rejected} item(s): ${message}`);
    this.log.debug(`Receiver (${protocol}) stored ${spans.length} span(s) in ${updates.length} trace(s)`);
    if (protocol === 'otlp') {
      send(response, 200, contentTypeOf(encoding), exportResponse(encoding, rejected, rejected > 0 ? message : ''));
    } else {
      send(response, 202, 'text/plain', Buffer.alloc(0));
    }
    this.ingested.fire({ protocol, status: protocol === 'otlp' ? 200 : 202, acceptedSpans: spans.length, rejectedSpans: rejected, traceIds: updates.map((update) => update.traceId) });
  }

  private refuse(protocol: ReceiverProtocol, error: unknown, encoding: OtlpEncoding, request: IncomingMessage, response: ServerResponse): void {
    const status = error instanceof RequestError ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 500) this.log.error(`Receiver (${protocol}) failed on a request: ${error instanceof Error ? (error.stack ?? message) : message}`);
    else this.log.warn(`Receiver (${protocol}) answered ${status}: ${message}`);
    if (status === 413) {
      // Do not read the rest of an oversized body: answer and close the connection.
      response.setHeader('Connection', 'close');
      response.on('finish', () => request.destroy());
    }
    if (status === 405) response.setHeader('Allow', 'POST');
    if (protocol === 'otlp') {
      const bodyEncoding = status === 415 ? 'json' : encoding;
      send(response, status, contentTypeOf(bodyEncoding), statusResponse(bodyEncoding, grpcCodeFor(status), message));
    } else {
      send(response, status, 'text/plain; charset=utf-8', Buffer.from(`${message}\n`));
    }
    this.ingested.fire({ protocol, status, acceptedSpans: 0, rejectedSpans: 0, traceIds: [], error: message });
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': body.length });
  response.end(body);
}

function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function grpcCodeFor(status: number): number {
  if (status === 413) return GrpcCode.resourceExhausted;
  if (status === 415 || status === 404 || status === 405) return GrpcCode.unimplemented;
  if (status >= 500) return GrpcCode.internal;
  return GrpcCode.invalidArgument;
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return loopbackNames.has(host.toLowerCase()) || host.startsWith('127.');
}

function isLoopbackHostHeader(header: string | undefined): boolean {
  if (header === undefined) return true;
  const name = header.toLowerCase().replace(/:\d+$/, '');
  return isLoopback(name) || name.endsWith('.localhost');
}

function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): Pick<ReceiverEndpoint, 'error' | 'errorCode'> {
  switch (error.code) {
    case 'EADDRINUSE':
      return { errorCode: 'port-in-use', error: `port ${port} on ${host} is already in use (by a collector, Jaeger, or another VS Code window?)` };
    case 'EACCES':
      return { errorCode: 'permission', error: `no permission to listen on port ${port} (ports below 1024 need privileges)` };
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return { errorCode: 'address', error: `the address ${host} is not available on this machine` };
    default:
      return { errorCode: 'other', error: error.message };
  }
}
