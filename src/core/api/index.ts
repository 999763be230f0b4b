/** The API client's public surface. */
export { GetSalesClient, type ApiLogger, type GetSalesClientOptions } from './client';
export { type Clock, systemClock } from './clock';
export { RateLimiter, type RateLimiterOptions } from './limiter';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export * from './errors';
export * from './models';
