import type { Executor } from '@emporium/kit';
import type { Offer } from '../domain/pricing.ts';
import { activeOffers, unendedOffers } from './offers.ts';

/** Requests may price at an instant a little before the load started; keep offers that ended this recently. */
const SLACK_MS = 60_000;

/**
 * The offers that read paths price with, kept in memory for at most `ttlMs` so a listing or a
 * cart's price check does not query them every time.
 *
 * It holds every offer that has not ended yet (future ones too) and `priceItem` checks each
 * one's window against the request's `now`, so an offer starting or ending between two loads is
 * already right without a reload. Writes through this process call `invalidate()` after they
 * commit; a load that overlapped a write is not kept. A write made by ANOTHER replica is seen
 * here within `ttlMs` at the latest: that is the bound on staleness (0 turns the cache off).
 */
export class OfferCache {
  #generation = 0;
  #loaded: { offers: Offer[]; at: number; generation: number } | null = null;
  #pending: { promise: Promise<Offer[]>; generation: number } | null = null;

  constructor(
    private readonly db: Executor,
    private readonly ttlMs: number,
  ) {}

  /** Offers to price with at `now` (a superset of the active ones: pricing checks windows). */
  async offers(now: Date): Promise<Offer[]> {
    if (this.ttlMs <= 0) return activeOffers(this.db, now);
    const loaded = this.#loaded;
    if (loaded && loaded.generation === this.#generation && Date.now() - loaded.at < this.ttlMs) return loaded.offers;
    // Concurrent misses share one load, unless a write happened since it started.
    if (this.#pending?.generation !== this.#generation) {
      const pending = { promise: this.#load(this.#generation), generation: this.#generation };
      this.#pending = pending;
      void pending.promise.finally(() => {
        if (this.#pending === pending) this.#pending = null;
      }).catch(() => {});
    }
    return this.#pending!.promise;
  }

  /** Call after committing any change to the offers table. */
  invalidate(): void {
    this.#generation += 1;
    this.#loaded = null;
  }

  async #load(generation: number): Promise<Offer[]> {
    const at = Date.now();
    const offers = await unendedOffers(this.db, new Date(at - SLACK_MS));
    if (generation === this.#generation) this.#loaded = { offers, at, generation };
    return offers;
  }
}
