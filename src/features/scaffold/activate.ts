import * as vscode from 'vscode';
import { analyzeMeshYamlFile } from '../../core/meshYaml/analyze';
import { tracingProviderNames } from '../../core/meshYaml/providers';
import type { Wizard, WizardContext } from '../../core/scaffold/wizard';
import { collectorWizard } from '../../core/scaffold/wizards/collector';
import { jaegerWizard } from '../../core/scaffold/wizards/jaeger';
import { meshProviderWizard } from '../../core/scaffold/wizards/meshProvider';
import { middlewareWizard } from '../../core/scaffold/wizards/middleware';
import { telemetryWizard } from '../../core/scaffold/wizards/telemetry';
import type { Host } from '../../host/host';
import { findYamlFiles, readYaml } from '../meshYaml/workspaceFiles';
import { runWizard } from './run';

const scaffoldCommands: readonly { readonly command: string; readonly wizard: Wizard }[] = [
  { command: 'traceStitch.scaffoldTelemetry', wizard: telemetryWizard },
  { command: 'traceStitch.scaffoldMeshProvider', wizard: meshProviderWizard },
  { command: 'traceStitch.scaffoldCollector', wizard: collectorWizard },
  { command: 'traceStitch.scaffoldJaeger', wizard: jaegerWizard },
  { command: 'traceStitch.scaffoldMiddleware', wizard: middlewareWizard },
];

/** The tracing providers the workspace's mesh configs define, for the Telemetry wizard to offer. */
async function workspaceContext(): Promise<WizardContext> {
  const files = await Promise.all((await findYamlFiles()).map(readYaml));
  const meshConfigs = files.flatMap((file) => (file ? analyzeMeshYamlFile(file).meshConfigs : []));
  return { meshProviders: tracingProviderNames(meshConfigs) };
}

export function activateScaffold(host: Host): void {
  for (const { command, wizard } of scaffoldCommands) {
    host.track(
      vscode.commands.registerCommand(command, async () => {
        try {
          const context = wizard === telemetryWizard ? await workspaceContext() : { meshProviders: [] };
          const result = await runWizard(wizard, context);
          host.log.info(`${wizard.title}: ${result.kind}`);
        } catch (error) {
          host.showError(`${wizard.title} failed`, error);
        }
      }),
    );
  }
}
