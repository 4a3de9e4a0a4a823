import * as assert from 'node:assert/strict';
import { WizardSession } from '../../../src/core/scaffold/session';
import { telemetryWizard } from '../../../src/core/scaffold/wizards/telemetry';
import { collectorWizard } from '../../../src/core/scaffold/wizards/collector';
import { wizards } from '../../../src/core/scaffold/wizards/index';
import { completeAnswers, emptyContext } from '../../../src/core/scaffold/wizard';

describe('Wizard session (what the QuickPick flow drives)', () => {
  it('numbers the steps asked, and recounts when an answer adds steps', () => {
    const session = new WizardSession(telemetryWizard, emptyContext);
    const first = session.current();
    assert.equal(first?.step.id, 'scope');
    assert.equal(first.number, 1);
    assert.equal(first.total, 8);
    assert.equal(session.submit('workload'), undefined);
    const second = session.current();
    assert.equal(second?.step.id, 'namespace');
    assert.equal(second.number, 2);
    assert.equal(second.total, 9);
  });

  it('refuses invalid answers with the validator’s message and stays on the step', () => {
    const session = new WizardSession(telemetryWizard, emptyContext);
    session.submit('workload');
    assert.match(session.submit('Not A Namespace') ?? '', /A namespace is up to 63 lowercase letters/);
    assert.equal(session.current()?.step.id, 'namespace');
    assert.equal(session.submit('shop'), undefined);
    assert.match(session.submit('app') ?? '', /is not key=value/);
    assert.match(session.submit('app=*') ?? '', /not a label value/);
  });

  it('goes back, showing the earlier answer, and forgets steps that no longer apply', () => {
    const session = new WizardSession(telemetryWizard, emptyContext);
    session.submit('workload');
    session.submit('shop');
    session.submit('app=cart');
    assert.equal(session.current()?.step.id, 'name');
    assert.equal(session.current()?.value, 'cart-tracing');
    assert.equal(session.back(), true);
    assert.equal(session.current()?.step.id, 'selector');
    assert.equal(session.current()?.value, 'app=cart');
    session.back();
    session.back();
    assert.equal(session.current()?.value, 'workload');
    assert.equal(session.back(), false, 'nothing before the first step');
    session.submit('mesh');
    assert.equal(session.current()?.step.id, 'rootNamespace');
    while (session.current()) session.submit(session.current()?.value ?? '');
    assert.doesNotMatch(session.result().text, /selector|cart/);
    assert.match(session.result().text, /namespace: istio-system/);
  });

  it('takes every default to the same result as completeAnswers', () => {
    for (const wizard of wizards) {
      const session = new WizardSession(wizard, emptyContext);
      for (let current = session.current(); current; current = session.current()) assert.equal(session.submit(current.value), undefined);
      assert.equal(session.result().text, wizard.build(completeAnswers(wizard, {}, emptyContext)).text);
    }
  });

  it('refuses an empty multi-pick where one is required', () => {
    const session = new WizardSession(collectorWizard, emptyContext);
    session.submit('0.120.0');
    assert.equal(session.submit([]), 'Choose at least one receiver.');
    assert.match(session.submit(['otlp-grpc', 'carrier-pigeon']) ?? '', /Unknown: carrier-pigeon/);
  });

  it('accepts a typed provider name and a typed collector release', () => {
    const telemetry = new WizardSession(telemetryWizard, emptyContext);
    while (telemetry.current()?.step.id !== 'provider') telemetry.submit(telemetry.current()?.value ?? '');
    assert.match(telemetry.submit('has space') ?? '', /no spaces/);
    assert.equal(telemetry.submit('my-otel'), undefined);
    const collector = new WizardSession(collectorWizard, emptyContext);
    assert.match(collector.submit('0.70.0') ?? '', /before 0\.80\.0 are not supported/);
    assert.equal(collector.submit('v0.121.1'), undefined);
  });

  it('documents when every conditional step is asked', () => {
    for (const wizard of wizards) {
      for (const step of wizard.steps) assert.equal(step.when === undefined, step.condition === undefined, `${wizard.id}.${step.id}`);
    }
  });
});
