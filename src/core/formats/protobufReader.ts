/**
 * A minimal reader for the protobuf wire format (varint, 64-bit, length-delimited, 32-bit fields): enough to decode
 * OTLP without a protobuf dependency. Malformed input throws `ProtobufError` with the byte offset; the OTLP decoder
 * turns that into a skipped item or a 400 response, never an uncaught exception.
 */

export class ProtobufError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'ProtobufError';
  }
}

export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

const utf8 = new TextDecoder('utf-8');
const twoTo32 = 4294967296;

export class ProtobufReader {
  private position: number;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.position = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wireType: number } {
    const key = this.varint();
    const field = Math.floor(key / 8);
    if (field === 0) throw new ProtobufError('field number 0', this.position);
    return { field, wireType: key % 8 };
  }

  /** An unsigned varint as a number (exact up to 2^53; enough for tags, lengths, enums and counts). */
  varint(): number {
    let result = 0;
    let multiplier = 1;
    for (let index = 0; index < 10; index++) {
      if (this.position >= this.end) throw new ProtobufError('truncated varint', this.position);
      const byte = this.bytes[this.position++] ?? 0;
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return result;
      multiplier *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes', this.position);
  }

  /** A varint as a signed 64-bit integer, exactly: a number when it fits a double exactly, else a decimal string. */
  int64(): number | string {
    let value = 0n;
    let shift = 0n;
    for (let index = 0; index < 10; index++) {
      if (this.position >= this.end) throw new ProtobufError('truncated varint', this.position);
      const byte = this.bytes[this.position++] ?? 0;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) {
        const signed = BigInt.asIntN(64, value);
        const asNumber = Number(signed);
        return Number.isSafeInteger(asNumber) ? asNumber : signed.toString();
      }
      shift += 7n;
    }
    throw new ProtobufError('varint longer than 10 bytes', this.position);
  }

  /** A fixed64 as an unsigned decimal string (timestamps in nanoseconds need all 64 bits). */
  fixed64String(): string {
    this.need(8);
    const low = this.view.getUint32(this.position, true);
    const high = this.view.getUint32(this.position + 4, true);
    this.position += 8;
    if (high < 0x200000) return String(high * twoTo32 + low);
    return ((BigInt(high) << 32n) | BigInt(low)).toString();
  }

  fixed32(): number {
    this.need(4);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  double(): number {
    this.need(8);
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }

  bytesField(): Uint8Array {
    const length = this.varint();
    this.need(length);
    const value = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  string(): string {
    return utf8.decode(this.bytesField());
  }

  /** A reader over an embedded message; this reader moves past it. */
  message(): ProtobufReader {
    const length = this.varint();
    this.need(length);
    const reader = new ProtobufReader(this.bytes, this.position, this.position + length);
    this.position += length;
    return reader;
  }

  /** Skips a field of the given wire type (unknown fields are ignored, as protobuf requires). */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.varint();
        return;
      case WireType.fixed64:
        this.need(8);
        this.position += 8;
        return;
      case WireType.lengthDelimited: {
        const length = this.varint();
        this.need(length);
        this.position += length;
        return;
      }
      case WireType.fixed32:
        this.need(4);
        this.position += 4;
        return;
      default:
        throw new ProtobufError(`unsupported wire type ${wireType}`, this.position);
    }
  }

  private need(count: number): void {
    if (this.position + count > this.end) throw new ProtobufError(`field needs ${count} bytes but the message ends`, this.position);
  }
}
