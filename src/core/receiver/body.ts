import type { IncomingMessage } from 'node:http';
import { brotliDecompress, gunzip, inflate, type InputType, type ZlibOptions } from 'node:zlib';

/** A request the receiver refuses, with the HTTP status to answer (OTLP/HTTP: 400, 413, 415). */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface BodyLimits {
  /** Largest body accepted on the wire (compressed, if it is). */
  readonly maxBodyBytes: number;
  /** Largest body after decompression: a small gzip bomb must not become gigabytes in memory. */
  readonly maxDecompressedBytes: number;
}

/** Reads the whole body within the limits and decompresses it (gzip, deflate, br), or throws `RequestError`. */
export async function readBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    throw new RequestError(413, `the body is ${declared} bytes; the limit is ${limits.maxBodyBytes}`);
  }
  const raw = await collect(request, limits.maxBodyBytes);
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return raw;
    case 'gzip':
    case 'x-gzip':
      return decompress(gunzip, raw, limits.maxDecompressedBytes, 'gzip');
    case 'deflate':
      return decompress(inflate, raw, limits.maxDecompressedBytes, 'deflate');
    case 'br':
      return decompress(brotliDecompress, raw, limits.maxDecompressedBytes, 'brotli');
    default:
      throw new RequestError(415, `unsupported Content-Encoding "${encoding}" (use gzip or none)`);
  }
}

function collect(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: RequestError): void => {
      if (done) return;
      done = true;
      request.removeListener('data', onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the caller answers 413 and closes the connection.
        request.pause();
        finish(new RequestError(413, `the body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      finish();
    });
    request.on('aborted', () => {
      finish(new RequestError(400, 'the request was aborted before its body was complete'));
    });
    request.on('error', (error) => {
      finish(new RequestError(400, `the body could not be read: ${error.message}`));
    });
  });
}

type Decompressor = (buffer: InputType, options: ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;

function decompress(method: Decompressor, input: Buffer, maxOutputLength: number, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    method(input, { maxOutputLength }, (error, result) => {
      if (!error) {
        resolve(result);
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        reject(new RequestError(413, `the ${name} body decompresses to more than ${maxOutputLength} bytes`));
      } else {
        reject(new RequestError(400, `the body is not valid ${name}: ${error.message}`));
      }
    });
  });
}
