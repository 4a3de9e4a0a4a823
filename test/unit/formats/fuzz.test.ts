import * as assert from 'node:assert/strict';
import { analyzeTraces } from '../../../src/core/analysis/analyze';
import { locateJsonError } from '../../../src/core/formats/jsonError';
import { parseOtlpProtobuf } from '../../../src/core/formats/otlpProtobuf';
import type { ParseResult } from '../../../src/core/formats/parseResult';
import { parseTraces } from '../../../src/core/formats/parseTraces';
import { mutateStructure, mutateText } from '../../support/mutations';
import { exportProtobufBody } from '../../support/protobufExport';
import { Random } from '../../support/random';
import { readFixture, traceFixtures } from '../../support/traceFixtures';

/** The parse result is well formed and analysis runs on it; anything thrown fails the test with the seed. */
function checkResult(result: ParseResult, source: string): void {
  for (const trace of result.traces) {
    assert.ok(trace.spans.length > 0);
    for (const span of trace.spans) {
      assert.match(span.spanId, /^[0-9a-f]{16}$/);
      assert.ok(Number.isFinite(span.startNs) && Number.isFinite(span.durationNs), `${source}: finite times`);
    }
  }
  for (const item of result.skipped) {
    assert.equal(item.source, source);
    assert.ok(item.reason.length > 0);
  }
  const analysis = analyzeTraces(result.traces);
  assert.equal(analysis.traces.length, result.traces.length);
  JSON.stringify(analysis);
}

describe('Fuzzing the parsers and analysis with mutated fixture files', function () {
  this.timeout(180_000);

  it('survives 5,000 mutated trace files (seeded, reproducible) without an uncaught exception', () => {
    const seed = 20260823;
    const random = new Random(seed);
    const sources = traceFixtures.map((fixture) => {
      const text = readFixture(fixture.file);
      // JSON Lines fixtures mutate structurally through their first document.
      const json = fixture.file.endsWith('.txt') ? (text.split('\n')[0] ?? '') : text;
      return { file: fixture.file, text, document: JSON.parse(json) as unknown };
    });
    let withTraces = 0;
    let withSkipped = 0;
    for (let run = 0; run < 5000; run++) {
      const source = random.pick(sources);
      const mutated = random.next() < 0.5 ? mutateText(source.text, random) : mutateStructure(source.document, random);
      const name = `fuzz-${run}-${source.file}`;
      let result: ParseResult;
      try {
        result = parseTraces(mutated, name);
        checkResult(result, name);
      } catch (error) {
        assert.fail(`run ${run} (seed ${seed}, from ${source.file}) threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (result.traces.length > 0) withTraces++;
      if (result.skipped.length > 0) withSkipped++;
    }
    // The mutations must exercise both paths: partly valid files and rejected ones.
    assert.ok(withTraces > 1000, `only ${withTraces} mutated files still had traces`);
    assert.ok(withSkipped > 1000, `only ${withSkipped} mutated files had skipped items`);
  });

  it('locates the JSON error exactly when JSON.parse rejects a mutated file (checked against V8 on 3,000 files)', () => {
    const random = new Random(99);
    const texts = traceFixtures.slice(0, 40).map((fixture) => readFixture(fixture.file));
    let rejected = 0;
    for (let run = 0; run < 3000; run++) {
      const text = mutateText(random.pick(texts), random);
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
        rejected++;
      }
      assert.equal(locateJsonError(text) === undefined, valid, `run ${run}: scanner and JSON.parse disagree`);
    }
    assert.ok(rejected > 1000);
  });

  it('survives 1,000 mutated OTLP protobuf bodies from the real exporter', async () => {
    const body = await exportProtobufBody();
    const random = new Random(7);
    for (let run = 0; run < 1000; run++) {
      const bytes = Buffer.from(body);
      for (let flips = 1 + random.int(4); flips > 0; flips--) bytes[random.int(bytes.length)] = random.int(256);
      const cut = random.next() < 0.3 ? bytes.subarray(0, random.int(bytes.length)) : bytes;
      const name = `proto-${run}`;
      try {
        checkResult(parseOtlpProtobuf(cut, name), name);
      } catch (error) {
        assert.fail(`protobuf run ${run} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  });
});
