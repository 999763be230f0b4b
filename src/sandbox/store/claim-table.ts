/**
 * A hash table from 30-bit key hashes to claim numbers, in two typed arrays with open
 * addressing (linear probing): a lookup touches one or two cache lines, where a Map of
 * 100,000+ entries costs a bucket and a chained entry, each a likely cache miss. Several
 * claims may share a hash; the caller tells them apart (see IdentityIndex).
 */
const EMPTY = -1;
const REMOVED = -2;
const INITIAL_CAPACITY = 1024;

/** Spreads the hash's bits over the low ones that pick the slot (murmur3's finaliser). */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class ClaimTable {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private claims = new Int32Array(INITIAL_CAPACITY).fill(EMPTY);
  /** Slots not EMPTY (claims and REMOVED marks): what makes probes long. */
  private used = 0;

  /** The first slot holding a claim with this hash, or -1; continue with next(). */
  first(hash: number): number {
    return this.scan(mix(hash) & (this.claims.length - 1), hash);
  }

  next(slot: number, hash: number): number {
    return this.scan((slot + 1) & (this.claims.length - 1), hash);
  }

  claimAt(slot: number): number {
    return this.claims[slot] ?? EMPTY;
  }

  /** Makes room for `count` more claims at once, instead of doubling step by step as they come. */
  reserve(count: number): void {
    let capacity = this.claims.length;
    while ((this.used + count) * 2 > capacity) capacity *= 2;
    if (capacity > this.claims.length) this.rehash(capacity);
  }

  add(hash: number, claim: number): void {
    if ((this.used + 1) * 2 > this.claims.length) this.rehash(this.claims.length * 2);
    const mask = this.claims.length - 1;
    let slot = mix(hash) & mask;
    while ((this.claims[slot] ?? EMPTY) >= 0) slot = (slot + 1) & mask;
    if (this.claims[slot] === EMPTY) this.used += 1;
    this.hashes[slot] = hash;
    this.claims[slot] = claim;
  }

  /** False when no such claim is in the table. */
  remove(hash: number, claim: number): boolean {
    for (let slot = this.first(hash); slot >= 0; slot = this.next(slot, hash)) {
      if (this.claims[slot] === claim) {
        this.claims[slot] = REMOVED;
        return true;
      }
    }
    return false;
  }

  private scan(from: number, hash: number): number {
    const mask = this.claims.length - 1;
    for (let slot = from; ; slot = (slot + 1) & mask) {
      const claim = this.claims[slot] ?? EMPTY;
      if (claim === EMPTY) return -1;
      if (claim >= 0 && this.hashes[slot] === hash) return slot;
    }
  }

  private rehash(capacity: number): void {
    const { hashes, claims } = this;
    this.hashes = new Int32Array(capacity);
    this.claims = new Int32Array(capacity).fill(EMPTY);
    this.used = 0;
    for (let slot = 0; slot < claims.length; slot += 1) {
      const claim = claims[slot] ?? EMPTY;
      if (claim >= 0) this.add(hashes[slot] ?? 0, claim);
    }
  }
}
