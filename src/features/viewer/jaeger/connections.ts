import type * as vscode from 'vscode';

/** A Jaeger endpoint the user connected to; its token, if any, is in SecretStorage under `tokenKey(id)`. */
export interface StoredJaegerConnection {
  readonly id: string;
  readonly url: string;
}

const listKey = 'traceStitch.jaegerConnections';

function tokenKey(id: string): string {
  return `traceStitch.jaeger.${id}.token`;
}

/** The Jaeger endpoints, kept per user (global state); bearer tokens only ever in SecretStorage. */
export class JaegerConnections {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  list(): StoredJaegerConnection[] {
    const stored = this.state.get<unknown>(listKey);
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (entry): entry is StoredJaegerConnection =>
        typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' && typeof (entry as { url?: unknown }).url === 'string',
    );
  }

  /** Saves a connection (the same URL again replaces the earlier one and its token). */
  async add(url: string, token: string | undefined): Promise<StoredJaegerConnection> {
    const existing = this.list();
    const id = existing.find((entry) => entry.url === url)?.id ?? nextId(existing);
    const connection = { id, url };
    await this.state.update(listKey, [...existing.filter((entry) => entry.id !== id), connection]);
    if (token) await this.secrets.store(tokenKey(id), token);
    else await this.secrets.delete(tokenKey(id));
    return connection;
  }

  async remove(id: string): Promise<void> {
    await this.state.update(
      listKey,
      this.list().filter((entry) => entry.id !== id),
    );
    await this.secrets.delete(tokenKey(id));
  }

  async token(id: string): Promise<string | undefined> {
    return (await this.secrets.get(tokenKey(id))) ?? undefined;
  }
}

function nextId(existing: readonly StoredJaegerConnection[]): string {
  const used = new Set(existing.map((entry) => entry.id));
  let n = 1;
  while (used.has(String(n))) n++;
  return String(n);
}
