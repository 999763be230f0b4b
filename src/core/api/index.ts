/** The API client's public surface. */
export { GetSalesClient, type ApiLogger, type GetSalesClientOptions } from './client';
export { type Clock, systemClock } from './clock';
export { type BudgetStore, MemoryBudget, RateLimiter, type RateLimiterOptions } from './limiter';
export { FileBudget, type FileBudgetOptions } from './file-budget';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
export * from './errors';
export * from './models';
