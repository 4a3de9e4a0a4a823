import { benchActivation } from './activation/run';
import { benchRelint, benchThroughput, benchWorkspaceScan } from './propagation/run';
import { benchOpenInVsCode } from './viewer/openInVsCode';
import { benchViewer } from './viewer/run';
import { benchTraceData } from './traceData';
import { benchMeshYaml } from './meshYaml/run';

/** `npm run bench`: every benchmark in turn; each prints `bench:<name> <median> <unit>`. */
const benchmarks: readonly (readonly [string, () => Promise<void>])[] = [
  ['activation', () => benchActivation()],
  ['propagation-throughput', () => benchThroughput()],
  ['propagation-scan', () => benchWorkspaceScan()],
  ['propagation-relint', () => benchRelint()],
  ['viewer', () => benchViewer()],
  ['viewer-vscode', () => benchOpenInVsCode()],
  ['trace-data', () => benchTraceData()],
  ['mesh-yaml', () => benchMeshYaml()],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, benchmark] of benchmarks) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n# ${name}`);
    await benchmark();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
