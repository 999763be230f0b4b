/**
 * The list convention of contract §1: `?limit=` (default 20, max 100) `&offset=`
 * `&order_field=created_at&order_type=desc` → `{data, limit, offset, total, has_more}`.
 */
import { validationErrors, type FieldErrors } from './errors';

export interface PageQuery {
  readonly limit: number;
  readonly offset: number;
  readonly orderField: 'created_at' | 'updated_at';
  readonly orderType: 'asc' | 'desc';
}

export interface Page<T> {
  readonly data: T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
  readonly has_more: boolean;
}

/** What pagination needs of a record: its timestamps and the order it was created in (ties). */
export interface Sortable {
  readonly created_at: string;
  readonly updated_at: string;
  readonly seq: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function integerParam(raw: string | null, name: string, min: number, max: number, fallback: number, errors: FieldErrors): number {
  if (raw === null || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    errors[name] = [`The ${name} must be an integer between ${min} and ${max}.`];
    return fallback;
  }
  return value;
}

export function readPageQuery(params: URLSearchParams): PageQuery {
  const errors: FieldErrors = {};
  const limit = integerParam(params.get('limit'), 'limit', 1, MAX_LIMIT, DEFAULT_LIMIT, errors);
  const offset = integerParam(params.get('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER, 0, errors);
  const orderField = params.get('order_field') ?? 'created_at';
  const orderType = params.get('order_type') ?? 'desc';
  if (orderField !== 'created_at' && orderField !== 'updated_at') {
    errors.order_field = ['The order_field must be created_at or updated_at.'];
  }
  if (orderType !== 'asc' && orderType !== 'desc') errors.order_type = ['The order_type must be asc or desc.'];
  if (Object.keys(errors).length > 0) throw validationErrors(errors);
  return {
    limit,
    offset,
    orderField: orderField === 'updated_at' ? 'updated_at' : 'created_at',
    orderType: orderType === 'asc' ? 'asc' : 'desc',
  };
}

export function paginate<T extends Sortable, V>(items: Iterable<T>, query: PageQuery, view: (item: T) => V): Page<V> {
  const direction = query.orderType === 'asc' ? 1 : -1;
  const sorted = [...items].sort((a, b) => {
    const byField = a[query.orderField] < b[query.orderField] ? -1 : a[query.orderField] > b[query.orderField] ? 1 : 0;
    return direction * (byField !== 0 ? byField : a.seq - b.seq);
  });
  const data = sorted.slice(query.offset, query.offset + query.limit).map(view);
  return { data, limit: query.limit, offset: query.offset, total: sorted.length, has_more: query.offset + data.length < sorted.length };
}
