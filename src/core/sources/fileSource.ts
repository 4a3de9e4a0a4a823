import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareSpans } from '../formats/assemble';
import { normalizeTraceId } from '../formats/ids';
import type { SkippedItem } from '../formats/parseResult';
import { parseTraces } from '../formats/parseTraces';
import type { Span, Trace } from '../model/trace';
import { operationsOf, searchTraces, servicesOf } from './memorySearch';
import { answerFromMemory, SourceError, throwIfAborted } from './sourceError';
import type { OperationInfo, TraceQuery, TraceSearchResult, TraceSource } from './traceSource';

/** What reading trace files produced: the traces (merged across files by trace id) and everything skipped. */
export interface LoadedTraceFiles {
  readonly traces: readonly Trace[];
  readonly skipped: readonly SkippedItem[];
  /** The files read (directories expanded). */
  readonly files: readonly string[];
}

export interface ReadTraceFilesOptions {
  /** Files larger than this are skipped with a message instead of being read (default 1 GiB). */
  readonly maxFileBytes?: number;
  readonly signal?: AbortSignal;
}

/** In folders, files with these endings are read; a file named explicitly is read whatever its name. */
const traceFileEndings = ['.json', '.jsonl', '.ndjson'];

const defaultMaxFileBytes = 1024 * 1024 * 1024;

/**
 * Reads trace files and folders (recursively): every file is parsed by content, spans of one trace spread over
 * several files are merged, and a file that cannot be read or parsed is listed in `skipped`, never thrown.
 */
export async function readTraceFiles(paths: readonly string[], options: ReadTraceFilesOptions = {}): Promise<LoadedTraceFiles> {
  const skipped: SkippedItem[] = [];
  const files: string[] = [];
  for (const given of paths) {
    throwIfAborted(options.signal, 'Reading trace files');
    try {
      const info = await stat(given);
      if (info.isDirectory()) files.push(...(await traceFilesUnder(given)));
      else files.push(given);
    } catch (error) {
      skipped.push({ source: given, reason: `cannot be read: ${describeFsError(error)}` });
    }
  }
  const parsed: { file: string; traces: readonly Trace[] }[] = [];
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  for (const file of files) {
    throwIfAborted(options.signal, 'Reading trace files');
    let text: string;
    try {
      const { size } = await stat(file);
      if (size > maxBytes) {
        skipped.push({ source: file, reason: `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit for one file` });
        continue;
      }
      text = await readFile(file, 'utf8');
    } catch (error) {
      skipped.push({ source: file, reason: `cannot be read: ${describeFsError(error)}` });
      continue;
    }
    const result = parseTraces(text, file);
    skipped.push(...result.skipped);
    if (result.traces.length > 0) parsed.push({ file, traces: result.traces });
  }
  // One file (the usual case, and the big one) is grouped and sorted already: nothing to merge.
  const [only] = parsed;
  const traces = parsed.length === 1 && only ? only.traces.map((trace) => ({ ...trace, warnings: [...new Set(trace.warnings)] })) : mergeFiles(parsed);
  return { traces, skipped, files };
}

function mergeFiles(parsed: readonly { file: string; traces: readonly Trace[] }[]): Trace[] {
  const spans: { span: Span; file: string }[] = [];
  const warnings = new Map<string, Set<string>>();
  for (const { file, traces } of parsed) {
    for (const trace of traces) {
      for (const span of trace.spans) spans.push({ span, file });
      const set = warnings.get(trace.traceId) ?? new Set<string>();
      for (const warning of trace.warnings) set.add(warning);
      warnings.set(trace.traceId, set);
    }
  }
  return mergeTraces(spans, warnings);
}

async function traceFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && traceFileEndings.some((ending) => entry.name.toLowerCase().endsWith(ending)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Groups spans by trace across files; the same span found in two files (same id, kind, start and name) is kept
 * once. Duplicates within one file are the file's own business and stay (the analysis reports them).
 */
function mergeTraces(spans: readonly { span: Span; file: string }[], warnings: ReadonlyMap<string, ReadonlySet<string>>): Trace[] {
  const byTrace = new Map<string, { spans: Span[]; seenIn: Map<string, string> }>();
  for (const { span, file } of spans) {
    const entry = byTrace.get(span.traceId) ?? { spans: [], seenIn: new Map<string, string>() };
    byTrace.set(span.traceId, entry);
    const key = `${span.spanId}/${span.kind}/${span.startNs}/${span.name}`;
    const firstFile = entry.seenIn.get(key);
    if (firstFile !== undefined && firstFile !== file) continue;
    entry.seenIn.set(key, file);
    entry.spans.push(span);
  }
  return [...byTrace].map(([traceId, entry]) => ({ traceId, spans: entry.spans.sort(compareSpans), warnings: [...(warnings.get(traceId) ?? [])] }));
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** Trace files as a source: read once, searched in memory. */
export class FileTraceSource implements TraceSource {
  readonly kind = 'file';

  private constructor(
    private readonly loaded: LoadedTraceFiles,
    readonly label: string,
  ) {}

  static async load(paths: readonly string[], options: ReadTraceFilesOptions = {}): Promise<FileTraceSource> {
    const loaded = await readTraceFiles(paths, options);
    if (loaded.files.length === 0 && loaded.skipped.length > 0) {
      throw new SourceError('unreadable', loaded.skipped.map((item) => `${item.source} ${item.reason}`).join('; '));
    }
    const label = loaded.files.length === 1 ? path.basename(loaded.files[0] ?? '') : `${loaded.files.length} trace files`;
    return new FileTraceSource(loaded, label);
  }

  /** What could not be read or parsed. */
  get skipped(): readonly SkippedItem[] {
    return this.loaded.skipped;
  }

  get traces(): readonly Trace[] {
    return this.loaded.traces;
  }

  services(signal?: AbortSignal): Promise<string[]> {
    return answerFromMemory(signal, 'Listing services', () => servicesOf(this.loaded.traces));
  }

  operations(service: string, signal?: AbortSignal): Promise<OperationInfo[]> {
    return answerFromMemory(signal, 'Listing operations', () => operationsOf(this.loaded.traces, service));
  }

  /** Files are a fixed set: the search ignores the time window unless the query sets one. */
  search(query: TraceQuery, signal?: AbortSignal): Promise<TraceSearchResult> {
    const windowed = query.startMs !== undefined || query.endMs !== undefined ? query : { ...query, startMs: 0, endMs: Number.MAX_SAFE_INTEGER };
    return answerFromMemory(signal, 'The search', () => ({ traces: searchTraces(this.loaded.traces, windowed), skipped: this.loaded.skipped }));
  }

  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined> {
    const id = normalizeTraceId(traceId.trim());
    return answerFromMemory(signal, 'Loading the trace', () => this.loaded.traces.find((trace) => trace.traceId === id));
  }
}
