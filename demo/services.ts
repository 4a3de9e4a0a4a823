import { spawnSync } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { startProcess, type ManagedProcess } from './processes';

/** Ports of one service: where callers reach it (its sidecar, or itself), where the app listens, its egress proxy. */
export interface ServicePorts {
  readonly public: number;
  readonly app: number;
  readonly egress: number;
}

export interface ServiceDefinition {
  readonly name: string;
  readonly folder: string;
  readonly language: 'node' | 'python' | 'go';
  /** Behind an Envoy-like sidecar (Python and Go, whose OpenTelemetry SDKs cannot be installed offline). */
  readonly sidecar: boolean;
  readonly ports: ServicePorts;
  /** Mesh addresses (`inventory:8080`) the app calls, and the service behind each. */
  readonly calls: ReadonlyMap<string, string>;
}

export interface MeshContext {
  readonly repoRoot: string;
  readonly workspace: string;
  readonly logDir: string;
  readonly buildDir: string;
  readonly otlpEndpoint: string;
  readonly python: string;
  readonly go: string;
  readonly services: readonly ServiceDefinition[];
  readonly log: (line: string) => void;
}

/** One running service: its app process (restarted when its code changes) and its sidecar. */
export class RunningService {
  private app: ManagedProcess | undefined;
  private sidecar: ManagedProcess | undefined;
  private watcher: FSWatcher | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly definition: ServiceDefinition,
    private readonly context: MeshContext,
  ) {}

  get name(): string {
    return this.definition.name;
  }

  /** Process ids of everything this service runs, for the caller's bookkeeping. */
  pids(): number[] {
    return [this.app?.child.pid, this.sidecar?.child.pid].filter((pid): pid is number => pid !== undefined);
  }

  start(): void {
    if (this.definition.sidecar) this.sidecar = this.startSidecar();
    this.app = this.startApp();
    this.watcher = watch(this.folder(), (_event, file) => {
      if (file && /\.(py|go|js)$/.test(file)) this.scheduleRestart(file);
    });
  }

  private folder(): string {
    return path.join(this.context.workspace, this.definition.folder);
  }

  private scheduleRestart(file: string): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      void this.restart(file);
    }, 400);
  }

  private async restart(file: string): Promise<void> {
    if (this.stopped) return;
    this.context.log(`${this.definition.name}: ${file} changed, restarting the service`);
    await this.app?.stop();
    // stop() may have run while the old process was exiting.
    if (this.isRunning()) this.app = this.startApp();
  }

  private isRunning(): boolean {
    return !this.stopped;
  }

  private environment(): NodeJS.ProcessEnv {
    const { ports } = this.definition;
    const proxy = `http://127.0.0.1:${ports.egress}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(ports.app),
      OTEL_SERVICE_NAME: this.definition.name,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: this.context.otlpEndpoint,
      NODE_PATH: path.join(this.context.repoRoot, 'node_modules'),
    };
    if (this.definition.sidecar) {
      Object.assign(env, { HTTP_PROXY: proxy, http_proxy: proxy, NO_PROXY: '', no_proxy: '' });
    }
    // Without a sidecar the app reaches its callees directly, through environment-configured URLs.
    if (!this.definition.sidecar) {
      for (const target of this.definition.calls.values()) {
        const callee = this.context.services.find((service) => service.name === target);
        if (callee) env[`${target.toUpperCase()}_URL`] = `http://127.0.0.1:${callee.ports.public}`;
      }
    }
    return env;
  }

  private startApp(): ManagedProcess {
    const { name, language } = this.definition;
    const options = { cwd: this.folder(), env: this.environment(), logFile: path.join(this.context.logDir, `${name}.log`) };
    if (language === 'python') return startProcess(name, this.context.python, ['app.py'], options);
    if (language === 'node') return startProcess(name, process.execPath, ['server.js'], options);
    const binary = path.join(this.context.buildDir, name);
    const build = spawnSync(this.context.go, ['build', '-o', binary, '.'], {
      cwd: this.folder(),
      env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      encoding: 'utf8',
    });
    if (build.status !== 0) this.context.log(`${name}: go build failed:\n${build.stderr}`);
    return startProcess(name, binary, [], options);
  }

  private startSidecar(): ManagedProcess {
    const { name, ports } = this.definition;
    const routes = [...this.definition.calls].flatMap(([address, target]) => {
      const callee = this.context.services.find((service) => service.name === target);
      return callee ? ['--route', `${address}=127.0.0.1:${callee.ports.public}`] : [];
    });
    const args = [
      path.join(this.context.repoRoot, 'out', 'demo', 'mesh', 'sidecar.js'),
      ...['--service', name, '--listen', String(ports.public), '--app', String(ports.app)],
      ...['--egress', String(ports.egress), '--otlp', this.context.otlpEndpoint, ...routes],
    ];
    return startProcess(`${name}-sidecar`, process.execPath, args, {
      cwd: this.context.repoRoot,
      env: process.env,
      logFile: path.join(this.context.logDir, `${name}-sidecar.log`),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.watcher?.close();
    await Promise.all([this.app?.stop(), this.sidecar?.stop()]);
  }
}
