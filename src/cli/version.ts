declare const TRACE_STITCH_VERSION: string | undefined;

/** Injected by the bundler from package.json; "dev" when running unbundled sources (tests). */
export const cliVersion: string = typeof TRACE_STITCH_VERSION === 'string' ? TRACE_STITCH_VERSION : 'dev';
