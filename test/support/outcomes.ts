import type Mocha from 'mocha';

/** One test's result, as every layer (unit, integration, e2e) reports it to the harness. */
export interface TestOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

/** Records every test and hook failure of a mocha run, in order. */
export function recordOutcomes(runner: Mocha.Runner): TestOutcome[] {
  const outcomes: TestOutcome[] = [];
  runner.on('pass', (test) => {
    outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
  });
  runner.on('pending', (test) => {
    outcomes.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
  });
  runner.on('fail', (test, error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    outcomes.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: message });
  });
  return outcomes;
}

/** Runs a configured mocha instance to the end and returns its outcomes. */
export function runMocha(mocha: Mocha): Promise<TestOutcome[]> {
  return new Promise((resolve) => {
    let outcomes: TestOutcome[] = [];
    const runner = mocha.run(() => {
      resolve(outcomes);
    });
    outcomes = recordOutcomes(runner);
  });
}
