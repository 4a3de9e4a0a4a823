/** Sends a checkout request to the frontend every interval, so new traces keep arriving while you look. */
export function driveTraffic(frontendPort: number, log: (line: string) => void, intervalMs = 1_500): () => void {
  const orders = ['1001', '1002', '1003'];
  let sent = 0;
  let lastError = '';
  const timer = setInterval(() => {
    const order = orders[sent % orders.length] ?? '1001';
    sent++;
    fetch(`http://127.0.0.1:${frontendPort}/api/checkout/${order}`, { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (sent === 1 || lastError !== '') log(`traffic: GET /api/checkout/${order} → ${response.status}`);
        lastError = '';
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log(`traffic: frontend not answering yet (${message})`);
        lastError = message;
      });
  }, intervalMs);
  return () => {
    clearInterval(timer);
  };
}
