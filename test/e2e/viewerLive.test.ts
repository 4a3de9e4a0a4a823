import * as assert from 'node:assert/strict';
import { context, trace, SpanKind, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { FrameLocator, Page } from 'playwright-core';
import { saveScreenshot } from '../harness/workbench';
import { useWorkbench } from './session';
import { rowAt, useReceiverPorts, waitForTimeline } from './viewerPage';

/**
 * A long-running job traced with the real OpenTelemetry SDK and OTLP/HTTP exporter: spans are exported in small
 * batches as they end, so the job's trace reaches the receiver in pieces and its root span last.
 */
class StreamingJob {
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  readonly root: Span;
  private steps = 0;

  constructor(otlpUrl: string) {
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'e2e-stream' }),
      // Small batches sent often: the trace reaches the receiver in many requests, as from a busy service.
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpUrl }), { maxExportBatchSize: 10, scheduledDelayMillis: 50 })],
    });
    this.tracer = this.provider.getTracer('trace-stitch-e2e');
    this.root = this.tracer.startSpan('nightly import', { kind: SpanKind.SERVER });
  }

  get traceId(): string {
    return this.root.spanContext().traceId;
  }

  /** Runs `count` more steps of the job (each a finished child span of the root) and waits until all are sent. */
  async step(count: number): Promise<void> {
    const parent = trace.setSpan(context.active(), this.root);
    for (let index = 0; index < count; index++) {
      this.tracer.startSpan(`step ${String(this.steps++).padStart(3, '0')}`, { kind: SpanKind.INTERNAL }, parent).end();
    }
    await this.provider.forceFlush();
  }

  async finish(): Promise<void> {
    this.root.end();
    await this.provider.forceFlush();
    await this.provider.shutdown();
  }
}

function spanCountShown(viewer: FrameLocator, spans: number): Promise<void> {
  return viewer.locator('.trace-facts', { hasText: new RegExp(`Spans\\s*${spans}(?!\\d)`) }).waitFor({ timeout: 30_000 });
}

/** The timeline's scroller as the page sees it (this file is compiled without the DOM library). */
interface Scroller {
  readonly scrollTop: number;
  addEventListener(type: 'scroll', listener: () => void): void;
  removeEventListener(type: 'scroll', listener: () => void): void;
}

function timelineScrollTop(viewer: FrameLocator): Promise<number> {
  return viewer.locator('.timeline-body').evaluate((body) => (body as unknown as Scroller).scrollTop);
}

async function selectedRowText(viewer: FrameLocator): Promise<string> {
  return (await viewer.locator('.timeline-body .row.selected:not(.hidden) .operation-name').innerText()).trim();
}

/** The timeline's row height in px (webview/src/trace/rowView.ts). */
const rowHeight = 24;

/** Waits (on scroll events) until the timeline has scrolled at least this far. */
async function expectScrolled(viewer: FrameLocator, atLeast: number): Promise<void> {
  await viewer.locator('.timeline-body').evaluate(
    (element, minimum) =>
      new Promise<void>((resolve, reject) => {
        const body = element as unknown as Scroller;
        const timer = setTimeout(() => {
          reject(new Error(`the timeline scrolled ${body.scrollTop} px only`));
        }, 10_000);
        const check = (): void => {
          if (body.scrollTop < minimum) return;
          clearTimeout(timer);
          body.removeEventListener('scroll', check);
          resolve();
        };
        body.addEventListener('scroll', check);
        check();
      }),
    atLeast,
  );
}

async function openFromRecentTraces(page: Page, traceId: string): Promise<FrameLocator> {
  await page.locator('.activitybar [aria-label="Trace Stitch"]').first().click();
  const recent = page.locator('.pane-body .monaco-list-row', { hasText: 'e2e-stream' });
  await recent.waitFor({ timeout: 30_000 });
  await recent.click();
  return waitForTimeline(page, traceId);
}

describe('Trace viewer: a received trace updates live (e2e)', () => {
  const ports = useReceiverPorts();
  const workbench = useWorkbench('traces', { colorTheme: 'Default Dark Modern' }, (folder) => {
    ports.configure(folder);
  });

  it('shows spans of the open trace as a real exporter sends them, keeping the selection and the scroll position', async () => {
    const { page } = workbench();
    await page.locator('.statusbar-item', { hasText: /\d+ spans?$/ }).waitFor({ timeout: 60_000 });
    const job = new StreamingJob(`http://127.0.0.1:${ports.otlp}/v1/traces`);

    await job.step(60);
    const viewer = await openFromRecentTraces(page, job.traceId);
    await spanCountShown(viewer, 60);

    // Scroll down the timeline with the mouse wheel and select a step there.
    const body = viewer.locator('.timeline-body');
    await body.hover();
    await page.mouse.wheel(0, 600);
    await expectScrolled(viewer, 300);
    const scrolled = await timelineScrollTop(viewer);
    const firstVisible = Math.ceil(scrolled / rowHeight) + 1;
    await rowAt(viewer, firstVisible + 3).click();
    const selected = await selectedRowText(viewer);
    assert.match(selected, /^step \d{3}$/);
    await viewer.locator('.detail-title', { hasText: selected }).waitFor();

    // More steps of the running job arrive: the open trace grows in place.
    await job.step(40);
    await spanCountShown(viewer, 100);
    assert.equal(await selectedRowText(viewer), selected, 'the same span stays selected');
    await viewer.locator('.detail-title', { hasText: selected }).waitFor();
    assert.equal(await timelineScrollTop(viewer), scrolled, 'the timeline stays where the user scrolled it');

    // The job ends: its root span arrives last, and the steps move under it; the selection survives that too.
    await job.finish();
    await spanCountShown(viewer, 101);
    await viewer.locator('.trace-title', { hasText: 'e2e-stream: nightly import' }).waitFor({ timeout: 30_000 });
    assert.equal(await selectedRowText(viewer), selected, 'the same span stays selected once the root arrives');
    await viewer.locator('.detail-title', { hasText: selected }).waitFor();
    const after = await timelineScrollTop(viewer);
    assert.ok(Math.abs(after - scrolled) <= 30, `the timeline stayed near where the user scrolled it (${scrolled} → ${after} px)`);
    await saveScreenshot(page, 'viewer-receiver-live-update');
  });
});
