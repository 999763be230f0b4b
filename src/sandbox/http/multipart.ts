/**
 * A streaming multipart/form-data parser (RFC 7578): bytes go in as they arrive, part
 * bodies come out as they are found, so a large file part is never held in memory.
 * Only a delimiter's worth of bytes is kept back between chunks.
 */

export interface PartInfo {
  readonly name: string;
  readonly fileName?: string;
  readonly contentType?: string;
}

/** Receives one part's body; `data` may be called many times. */
export interface PartSink {
  data(chunk: Buffer): void;
  end(): void;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType.trim())) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && boundary.length <= 70 ? boundary : undefined;
}

function parseDisposition(headerBlock: string): PartInfo {
  let name: string | undefined;
  let fileName: string | undefined;
  let contentType: string | undefined;
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key !== 'content-disposition') continue;
    name = /;\s*name="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(value)?.[1];
    fileName = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(value)?.[1] ?? /;\s*filename=([^;\s]+)/i.exec(value)?.[1];
  }
  if (name === undefined) throw new MultipartError('A multipart part has no Content-Disposition name.');
  return { name, ...(fileName !== undefined ? { fileName } : {}), ...(contentType !== undefined ? { contentType } : {}) };
}

type State = 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done';

export class MultipartParser {
  private readonly dashBoundary: Buffer;
  private readonly delimiter: Buffer; // CRLF + "--" + boundary: what ends a part body
  private buffer: Buffer = Buffer.alloc(0);
  private state: State = 'preamble';
  private sink: PartSink | undefined;

  constructor(boundary: string, private readonly onPart: (info: PartInfo) => PartSink) {
    this.dashBoundary = Buffer.from(`--${boundary}`);
    this.delimiter = Buffer.concat([CRLF, this.dashBoundary]);
  }

  get finished(): boolean {
    return this.state === 'done';
  }

  write(chunk: Buffer): void {
    if (this.state === 'done') return; // the epilogue is ignored
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.step()) { /* keep consuming what the buffer allows */ }
  }

  /** Call at the end of the request body; a body that stops mid-part is an error. */
  end(): void {
    if (this.state !== 'done') throw new MultipartError('The multipart body ended before its closing boundary.');
  }

  /** Consumes as much of the buffer as the current state can; false when it needs more bytes. */
  private step(): boolean {
    switch (this.state) {
      case 'preamble': {
        const at = this.buffer.indexOf(this.dashBoundary);
        if (at < 0) {
          this.keepTail(this.dashBoundary.length);
          return false;
        }
        this.buffer = this.buffer.subarray(at + this.dashBoundary.length);
        this.state = 'after-boundary';
        return true;
      }
      case 'after-boundary': {
        if (this.buffer.length < 2) return false;
        const next = this.buffer.subarray(0, 2).toString('latin1');
        this.buffer = this.buffer.subarray(2);
        if (next === '--') {
          this.state = 'done';
          return false;
        }
        if (next !== '\r\n') throw new MultipartError('Malformed multipart boundary line.');
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const at = this.buffer.indexOf(HEADER_END);
        if (at < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('Multipart part headers are too large.');
          return false;
        }
        this.sink = this.onPart(parseDisposition(this.buffer.subarray(0, at).toString('utf8')));
        this.buffer = this.buffer.subarray(at + HEADER_END.length);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = this.buffer.indexOf(this.delimiter);
        if (at < 0) {
          // Everything except a possible start of the delimiter can go out now.
          const safe = this.lengthBeforeDelimiterStart();
          if (safe > 0) {
            this.sink?.data(this.buffer.subarray(0, safe));
            this.buffer = this.buffer.subarray(safe);
          }
          return false;
        }
        if (at > 0) this.sink?.data(this.buffer.subarray(0, at));
        this.sink?.end();
        this.sink = undefined;
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'after-boundary';
        return true;
      }
      case 'done':
        return false;
    }
  }

  /**
   * Where the buffer's tail could be the start of a delimiter (the buffer's length if
   * nowhere). Holding back only such a tail, usually nothing, lets the next chunk be
   * scanned in place instead of copied onto a held-back tail.
   */
  private lengthBeforeDelimiterStart(): number {
    const { buffer, delimiter } = this;
    for (let at = Math.max(0, buffer.length - (delimiter.length - 1)); at < buffer.length; at += 1) {
      if (buffer[at] === delimiter[0] && buffer.subarray(at).equals(delimiter.subarray(0, buffer.length - at))) return at;
    }
    return buffer.length;
  }

  private keepTail(length: number): void {
    if (this.buffer.length > length) this.buffer = this.buffer.subarray(this.buffer.length - length);
  }
}
