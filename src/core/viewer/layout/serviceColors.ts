/**
 * One colour per service, the same in every trace: a service keeps the palette slot it first got (remembered in
 * the webview state), and a new service takes the slot its name hashes to, or the next free one when another
 * service already has it. Slots are indices into the viewer's palette (CSS classes `svc-0` … `svc-N`), whose
 * actual colours the stylesheet sets per theme.
 */
export const paletteSize = 20;

export class ServiceColors {
  private readonly slots = new Map<string, number>();

  constructor(saved: Readonly<Record<string, number>> = {}) {
    for (const [service, slot] of Object.entries(saved)) {
      if (Number.isInteger(slot) && slot >= 0 && slot < paletteSize) this.slots.set(service, slot);
    }
  }

  /** The palette slot of `service`, assigning one on first sight. */
  slotOf(service: string): number {
    const known = this.slots.get(service);
    if (known !== undefined) return known;
    const taken = new Set(this.slots.values());
    const preferred = hashName(service) % paletteSize;
    let slot = preferred;
    if (taken.size < paletteSize) {
      while (taken.has(slot)) slot = (slot + 1) % paletteSize;
    }
    this.slots.set(service, slot);
    return slot;
  }

  /** Assigns slots to services in a stable order (by name), so that first sight does not depend on span order. */
  assign(services: Iterable<string>): void {
    for (const service of [...new Set(services)].sort()) this.slotOf(service);
  }

  /** What to save so that the next session keeps the same colours: the most recently assigned services. */
  snapshot(limit = 200): Record<string, number> {
    return Object.fromEntries([...this.slots].slice(-limit));
  }
}

/** FNV-1a over UTF-16 code units: cheap, deterministic, well spread for short names. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
