/**
 * Which server the sandbox plays (contract §7): `doc` answers as sections 2–4 describe
 * (the default); `sister` answers with every variant the real GetSales may send instead —
 * no timestamps in start answers, a bare import-start body, other `matches` / `errors`
 * shapes, LinkedIn-type data sources, `completed` / `cancelled` exports, 404 on the two
 * undocumented poll paths, 201 for a new list, tag UUIDs — so the client is proven
 * against both.
 */
export const COMPAT_MODES = ['doc', 'sister'] as const;
export type Compat = (typeof COMPAT_MODES)[number];

export function isCompat(value: unknown): value is Compat {
  return typeof value === 'string' && (COMPAT_MODES as readonly string[]).includes(value);
}
