import { parseCollectorVersion, type CollectorVersion } from '../otelcol/version';

/** Collector images: otel/opentelemetry-collector[-contrib|-k8s|-otlp]:0.120.0, ghcr.io/…/otelcol-contrib:0.120.0. */
const collectorImage = /(?:opentelemetry-collector|otelcol)(?:-[a-z0-9]+)*:v?(\d+\.\d+\.\d+)\b/;
/** A comment naming the release, as Trace Stitch writes it: "# OpenTelemetry Collector 0.120.0 …". */
const versionComment = /^[ \t]*#.*\bOpenTelemetry Collector v?(\d+\.\d+\.\d+)\b/im;

export function collectorVersionFromImage(image: string): CollectorVersion | undefined {
  const match = collectorImage.exec(image);
  return match?.[1] === undefined ? undefined : parseCollectorVersion(match[1]);
}

/** The collector release a file names, through a version comment or a collector image anywhere in it. */
export function collectorVersionInText(text: string): CollectorVersion | undefined {
  const found = versionComment.exec(text)?.[1] ?? collectorImage.exec(text)?.[1];
  return found === undefined ? undefined : parseCollectorVersion(found);
}
