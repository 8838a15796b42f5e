// The bearer token the bench's BFF accepts on /metrics (it is admin-only otherwise; issue 10).
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';
