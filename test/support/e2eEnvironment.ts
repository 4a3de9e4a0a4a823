/** Set by the orchestrator when it already runs a VS Code server; standalone e2e runs start their own. */
export const serverUrlVariable = 'TRACE_STITCH_E2E_SERVER_URL';
/** Where that server writes VS Code's own logs, for tests that read extension logs. */
export const serverLogsVariable = 'TRACE_STITCH_E2E_SERVER_LOGS';
