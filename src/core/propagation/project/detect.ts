import path from 'node:path';
import type { OutboundLibrary } from '../model';
import { goClientFieldsIn } from '../languages/go/clientFields';
import type { ProjectFacts } from './facts';

/** Reads project files for the detector; the CLI reads the disk, the editor goes through the workspace file system. */
export interface ProjectReader {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(file: string): Promise<string | undefined>;
  /** Names of the entries of a folder (files and folders), or [] when it cannot be listed. */
  list(folder: string): Promise<readonly { readonly name: string; readonly isDirectory: boolean }[]>;
}

const pythonLibraries: readonly OutboundLibrary[] = ['requests', 'httpx', 'aiohttp', 'urllib', 'urllib3'];
const nodeHttpLibraries: readonly OutboundLibrary[] = ['node-http', 'axios', 'got', 'superagent', 'node-fetch'];
const nodeFetchLibraries: readonly OutboundLibrary[] = ['fetch', 'undici'];
const javaLibraries: readonly OutboundLibrary[] = ['resttemplate', 'webclient', 'restclient', 'java-httpclient', 'okhttp', 'jax-rs-client'];

/** Files that say how a service is built or started, and files that mark a service's root folder. */
const launchFiles = /^(Dockerfile.*|.*\.dockerfile|Procfile|.*entrypoint.*\.sh|start.*\.sh|run.*\.sh|Makefile|docker-compose.*\.ya?ml|compose.*\.ya?ml|package\.json|pom\.xml|build\.gradle(\.kts)?|pyproject\.toml|setup\.cfg|go\.mod|app\.ya?ml|manifest\.ya?ml)$/i;
const serviceMarkers = /^(package\.json|go\.mod|pom\.xml|build\.gradle(\.kts)?|pyproject\.toml|requirements.*\.txt|setup\.py|Dockerfile|Procfile)$/i;

const pythonInstrumentors: readonly (readonly [RegExp, OutboundLibrary])[] = [
  [/\bRequestsInstrumentor\s*\(\s*\)\s*\.instrument\s*\(/, 'requests'],
  [/\bHTTPXClientInstrumentor\s*\(\s*\)\s*\.instrument\s*\(/, 'httpx'],
  [/\bAioHttpClientInstrumentor\s*\(\s*\)\s*\.instrument\s*\(/, 'aiohttp'],
  [/\bURLLibInstrumentor\s*\(\s*\)\s*\.instrument\s*\(/, 'urllib'],
  [/\bURLLib3Instrumentor\s*\(\s*\)\s*\.instrument\s*\(/, 'urllib3'],
];

interface Evidence {
  readonly libraries: readonly OutboundLibrary[];
  readonly where: string;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** What one launch or manifest file says about auto-instrumentation. */
function launchEvidence(name: string, text: string): Evidence[] {
  const found: Evidence[] = [];
  const at = (pattern: RegExp, libraries: readonly OutboundLibrary[], what: string): void => {
    const match = pattern.exec(text);
    if (match) found.push({ libraries, where: `${name}:${lineOf(text, match.index)}: ${what}` });
  };
  at(/\bopentelemetry-instrument\b/, pythonLibraries, 'opentelemetry-instrument');
  at(/-javaagent:\S*opentelemetry-javaagent[^\s"']*\.jar/, javaLibraries, 'the OpenTelemetry Java agent');
  at(/@opentelemetry\/auto-instrumentations-node\b/, [...nodeHttpLibraries, ...nodeFetchLibraries], '@opentelemetry/auto-instrumentations-node');
  if (name === 'package.json') {
    at(/"@opentelemetry\/instrumentation-http"\s*:/, nodeHttpLibraries, '@opentelemetry/instrumentation-http');
    at(/"@opentelemetry\/instrumentation-undici"\s*:/, nodeFetchLibraries, '@opentelemetry/instrumentation-undici');
  }
  return found;
}

/** What a source file's own set-up code says (`RequestsInstrumentor().instrument()`, `getNodeAutoInstrumentations()`). */
function sourceEvidence(name: string, text: string): Evidence[] {
  const found: Evidence[] = [];
  for (const [pattern, library] of pythonInstrumentors) {
    const match = pattern.exec(text);
    if (match) found.push({ libraries: [library], where: `${name}:${lineOf(text, match.index)}: ${match[0].replace(/\s+/g, '')}` });
  }
  const auto = /\bgetNodeAutoInstrumentations\s*\(/.exec(text);
  if (auto) found.push({ libraries: [...nodeHttpLibraries, ...nodeFetchLibraries], where: `${name}:${lineOf(text, auto.index)}: getNodeAutoInstrumentations()` });
  const http = /\bnew\s+HttpInstrumentation\s*\(/.exec(text);
  if (http) found.push({ libraries: nodeHttpLibraries, where: `${name}:${lineOf(text, http.index)}: new HttpInstrumentation()` });
  const undici = /\bnew\s+UndiciInstrumentation\s*\(/.exec(text);
  if (undici) found.push({ libraries: nodeFetchLibraries, where: `${name}:${lineOf(text, undici.index)}: new UndiciInstrumentation()` });
  return found;
}

const sourceFile = /\.(py|[cm]?[jt]s)$/;
const skippedFolders = /^(node_modules|\.git|\.venv|venv|vendor|dist|build|target|__pycache__|\.tox)$/;
const maxSourceFiles = 400;

/**
 * Works out a file's service folder (the nearest folder with a manifest such as package.json, go.mod or pom.xml)
 * and the project facts for it, looking at launch files from that folder up to the root and at the service's own
 * set-up code. Results are cached per folder until `invalidate`.
 */
export class ProjectFactsResolver {
  private readonly folderEvidence = new Map<string, Promise<{ evidence: Evidence[]; goOtelhttp: boolean; springTracing?: string; marker: boolean }>>();
  private readonly serviceSources = new Map<string, Promise<Evidence[]>>();
  private readonly factsByFile = new Map<string, Promise<ProjectFacts>>();
  private readonly goClientFields = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(
    private readonly reader: ProjectReader,
    /** Folders above this one are never read (the workspace folder, or the CLI's working directory). */
    private readonly root: string,
  ) {}

  invalidate(): void {
    this.folderEvidence.clear();
    this.serviceSources.clear();
    this.factsByFile.clear();
    this.goClientFields.clear();
  }

  /** Forgets what the Go files of one folder (a package) declare, and the facts of that package's files. */
  invalidateGoPackage(folder: string): void {
    this.goClientFields.delete(folder);
    for (const file of this.factsByFile.keys()) if (path.dirname(file) === folder) this.factsByFile.delete(file);
  }

  /** The folders from the file's folder up to the root, nearest first. */
  private foldersOf(file: string): string[] {
    const folders: string[] = [];
    let folder = path.dirname(file);
    const root = path.resolve(this.root);
    for (let depth = 0; depth < 32; depth++) {
      folders.push(folder);
      if (path.resolve(folder) === root || !path.resolve(folder).startsWith(root)) break;
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return folders;
  }

  private readFolder(folder: string): Promise<{ evidence: Evidence[]; goOtelhttp: boolean; springTracing?: string; marker: boolean }> {
    let cached = this.folderEvidence.get(folder);
    if (!cached) {
      cached = (async () => {
        const entries = await this.reader.list(folder);
        const evidence: Evidence[] = [];
        let goOtelhttp = false;
        let springTracing: string | undefined;
        for (const entry of entries) {
          if (entry.isDirectory || !launchFiles.test(entry.name)) continue;
          const text = await this.reader.read(path.join(folder, entry.name));
          if (text === undefined) continue;
          const relative = path.relative(this.root, path.join(folder, entry.name)) || entry.name;
          evidence.push(...launchEvidence(relative, text));
          if (entry.name === 'go.mod' && text.includes('go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp')) goOtelhttp = true;
          const bridge = /micrometer-tracing-bridge-(otel|brave)|spring-cloud-starter-sleuth/.exec(text);
          if (bridge && /^(pom\.xml|build\.gradle(\.kts)?)$/.test(entry.name)) springTracing ??= `${relative}: ${bridge[0]}`;
        }
        const marker = entries.some((entry) => !entry.isDirectory && serviceMarkers.test(entry.name));
        return { evidence, goOtelhttp, ...(springTracing === undefined ? {} : { springTracing }), marker };
      })();
      this.folderEvidence.set(folder, cached);
    }
    return cached;
  }

  /** The nearest folder holding a manifest, or the root. */
  async serviceFolder(file: string): Promise<string> {
    for (const folder of this.foldersOf(file)) {
      if ((await this.readFolder(folder)).marker) return folder;
    }
    return this.root;
  }

  private readSources(service: string): Promise<Evidence[]> {
    let cached = this.serviceSources.get(service);
    if (!cached) {
      cached = (async () => {
        const evidence: Evidence[] = [];
        const queue = [service];
        let seen = 0;
        for (let folder = queue.shift(); folder !== undefined && seen < maxSourceFiles; folder = queue.shift()) {
          for (const entry of await this.reader.list(folder)) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory) {
              if (!skippedFolders.test(entry.name)) queue.push(full);
            } else if (sourceFile.test(entry.name) && seen++ < maxSourceFiles) {
              const text = await this.reader.read(full);
              if (text !== undefined && /Instrumentor|Instrumentation/.test(text)) evidence.push(...sourceEvidence(path.relative(this.root, full), text));
            }
          }
        }
        return evidence;
      })();
      this.serviceSources.set(service, cached);
    }
    return cached;
  }

  /** The `*http.Client` struct fields declared in the Go files of a folder (one package). */
  private readGoClientFields(folder: string): Promise<ReadonlySet<string>> {
    let cached = this.goClientFields.get(folder);
    if (!cached) {
      cached = (async () => {
        const fields = new Set<string>();
        let seen = 0;
        for (const entry of await this.reader.list(folder)) {
          if (entry.isDirectory || !entry.name.endsWith('.go') || entry.name.endsWith('_test.go') || seen++ >= maxSourceFiles) continue;
          const text = await this.reader.read(path.join(folder, entry.name));
          if (text !== undefined) for (const field of goClientFieldsIn(text)) fields.add(field);
        }
        return fields;
      })();
      this.goClientFields.set(folder, cached);
    }
    return cached;
  }

  /** The facts for a file, worked out once per file (an open document asks after every edit). */
  factsFor(file: string): Promise<ProjectFacts> {
    let facts = this.factsByFile.get(file);
    if (!facts) {
      facts = this.readFacts(file);
      this.factsByFile.set(file, facts);
      // A failed read is tried again next time.
      facts.catch(() => this.factsByFile.delete(file));
    }
    return facts;
  }

  private async readFacts(file: string): Promise<ProjectFacts> {
    const service = await this.serviceFolder(file);
    const autoInstrumented = new Map<OutboundLibrary, string>();
    let goOtelhttp = false;
    let springTracing: string | undefined;
    for (const folder of this.foldersOf(file)) {
      const read = await this.readFolder(folder);
      for (const found of read.evidence) for (const library of found.libraries) if (!autoInstrumented.has(library)) autoInstrumented.set(library, found.where);
      goOtelhttp ||= read.goOtelhttp;
      springTracing ??= read.springTracing;
    }
    for (const found of await this.readSources(service)) for (const library of found.libraries) if (!autoInstrumented.has(library)) autoInstrumented.set(library, found.where);
    const goClientFields = file.endsWith('.go') ? await this.readGoClientFields(path.dirname(file)) : undefined;
    return {
      autoInstrumented,
      goOtelhttp,
      ...(springTracing === undefined ? {} : { springTracing }),
      ...(goClientFields && goClientFields.size > 0 ? { goClientFields } : {}),
    };
  }
}
