/**
 * Which code belongs to which service. Services are named in traces (`orders-service`) and live in folders
 * (`services/orders/`), rarely spelled exactly alike, so both sides are reduced to a core name first.
 */
const noiseWords = new Set(['service', 'svc', 'api', 'server', 'app', 'srv', 'backend', 'ms']);

/** `Orders-Service` → `orders`, `orders_svc` → `orders`, `payment-api` → `payment`. */
export function coreServiceName(name: string): string {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const meaningful = words.filter((word) => !noiseWords.has(word));
  return (meaningful.length > 0 ? meaningful : words).join('-');
}

/** Whether a workspace-relative path lies in a folder named after the service. */
export function pathBelongsToService(relativePath: string, service: string): boolean {
  const wanted = coreServiceName(service);
  if (wanted === '') return false;
  const folders = relativePath.split('/').slice(0, -1);
  return folders.some((folder) => coreServiceName(folder) === wanted);
}

/**
 * Keeps the items that lie in the service's folder; when none does (one service per workspace, or folders named
 * otherwise) keeps them all, flagged as not narrowed, so callers can lower their confidence.
 */
export function narrowToService<T>(
  items: readonly T[],
  service: string,
  relativePathOf: (item: T) => string,
): { readonly items: readonly T[]; readonly narrowed: boolean } {
  const inFolder = items.filter((item) => pathBelongsToService(relativePathOf(item), service));
  return inFolder.length > 0 ? { items: inFolder, narrowed: true } : { items, narrowed: false };
}
