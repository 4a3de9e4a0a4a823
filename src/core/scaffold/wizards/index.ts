import type { Wizard } from '../wizard';
import { collectorWizard } from './collector';
import { jaegerWizard } from './jaeger';
import { meshProviderWizard } from './meshProvider';
import { middlewareWizard } from './middleware';
import { telemetryWizard } from './telemetry';

/** Every scaffolding wizard, in the order `trace-stitch scaffold --help` lists them. */
export const wizards: readonly Wizard[] = [telemetryWizard, meshProviderWizard, collectorWizard, jaegerWizard, middlewareWizard];

export function findWizard(id: string): Wizard | undefined {
  return wizards.find((wizard) => wizard.id === id);
}
