import { randomUUID } from 'node:crypto';
import { forbidden, HttpProblem, notFound, type Principal } from '@emporium/kit';
import { addLine, assertActive, canAccess, claimForOrder, markConverted, mergeGuestCart, newCart, releaseClaim, removeLine, setDiscountCode, setLineQuantity, type Cart } from './domain/cart.ts';
import { checkDiscount } from './domain/discount.ts';
import { priceCart, type PricedCart, type SkuPrice } from './domain/pricing.ts';
import type { CartStore } from './db/cart-store.ts';
import type { DiscountCodeRepository } from './db/discount-codes.ts';
import type { CatalogPrices } from './catalog-prices.ts';

/** Who is asking (null for a guest) and the request id to pass on to the catalog. */
export interface Caller {
  principal: Principal | null;
  requestId: string;
}

/** The cart use cases: load, check access, apply a domain change through the store, re-price. */
export class CartService {
  constructor(
    private readonly store: CartStore,
    private readonly codes: DiscountCodeRepository,
    private readonly catalog: CatalogPrices,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A signed-in caller gets their active cart (created if missing); a guest a new guest cart. */
  async create(caller: Caller): Promise<{ cart: PricedCart; created: boolean }> {
    if (caller.principal) {
      const { cart, created } = await this.activeCartOf(caller.principal.userId);
      return { cart: await this.price(cart, caller.requestId), created };
    }
    const cart = newCart(randomUUID(), null, this.clock());
    await this.store.insert(cart);
    return { cart: await this.price(cart, caller.requestId), created: true };
  }

  async mine(principal: Principal, requestId: string): Promise<PricedCart> {
    const { cart } = await this.activeCartOf(principal.userId);
    return this.price(cart, requestId);
  }

  async read(cartId: string, caller: Caller): Promise<PricedCart> {
    return this.price(await this.accessible(cartId, caller.principal), caller.requestId);
  }

  /** For other services (orders): no owner check, the caller is trusted. */
  async readInternal(cartId: string, requestId: string): Promise<PricedCart> {
    const cart = await this.store.get(cartId);
    if (!cart) throw notFound(`Cart ${cartId} not found`);
    return this.price(cart, requestId);
  }

  async addItem(cartId: string, caller: Caller, sku: string, quantity: number): Promise<PricedCart> {
    const before = await this.accessible(cartId, caller.principal);
    // One catalog call prices the new SKU and the lines already in the cart.
    const prices = await this.catalog.lookup([sku, ...skusOf(before)], caller.requestId);
    const price = prices.get(sku);
    if (!price) throw new HttpProblem(404, `Unknown SKU ${sku}`, { sku });
    const [cart] = await this.store.modify([cartId], ([current]) => [addLine(current, sku, quantity, price.currency, this.clock())]);
    return this.price(cart, caller.requestId, prices);
  }

  async setQuantity(cartId: string, caller: Caller, sku: string, quantity: number): Promise<PricedCart> {
    await this.accessible(cartId, caller.principal);
    return this.change(cartId, caller, (cart) => setLineQuantity(cart, sku, quantity, this.clock()));
  }

  async removeItem(cartId: string, caller: Caller, sku: string): Promise<PricedCart> {
    await this.accessible(cartId, caller.principal);
    return this.change(cartId, caller, (cart) => removeLine(cart, sku, this.clock()));
  }

  /** Applies a code only if it gives a discount now; the same rules are re-checked on every read. */
  async applyDiscount(cartId: string, caller: Caller, code: string): Promise<PricedCart> {
    const cart = await this.accessible(cartId, caller.principal);
    assertActive(cart);
    const [prices, rule] = await Promise.all([this.catalog.lookup(skusOf(cart), caller.requestId), this.codes.find(code)]);
    const now = this.clock();
    const { subtotal } = priceCart({ ...cart, discountCode: null }, prices, null, now);
    const check = checkDiscount(code, rule, { subtotal, currency: cart.currency, now, countsTowardLimit: true });
    if (!check.ok) throw new HttpProblem(check.status, check.reason, check.extensions);
    return this.change(cartId, caller, (c) => setDiscountCode(c, code, this.clock()));
  }

  async removeDiscount(cartId: string, caller: Caller): Promise<PricedCart> {
    await this.accessible(cartId, caller.principal);
    return this.change(cartId, caller, (cart) => setDiscountCode(cart, null, this.clock()));
  }

  /** Moves a guest cart into the caller's active cart (on login); both carts change atomically. */
  async merge(principal: Principal, guestCartId: string, requestId: string): Promise<PricedCart> {
    if (!(await this.store.get(guestCartId))) throw notFound(`Cart ${guestCartId} not found`);
    const { cart: userCart } = await this.activeCartOf(principal.userId);
    const [merged] = await this.store.modify([userCart.id, guestCartId], ([user, guest]) => {
      const result = mergeGuestCart(user, guest, this.clock());
      return [result.userCart, result.guestCart];
    });
    return this.price(merged, requestId);
  }

  /**
   * Claims the cart for the checkout of `orderId` before that order exists (orders calls this),
   * and redeems its discount code atomically with the code's usage limit. Refusals (403 another
   * user's cart, 409 held by or converted into another order — `orderId` names it —, 422 empty
   * or the code used up) leave nothing claimed or redeemed. Answers the cart as the order must copy it.
   */
  async claim(cartId: string, orderId: string, userId: string | null, requestId: string): Promise<PricedCart> {
    const current = await this.store.get(cartId);
    if (!current) throw notFound(`Cart ${cartId} not found`);
    const prices = await this.catalog.lookup(skusOf(current), requestId);
    const claimable = current.status === 'active' && !current.claimedBy && canAccess(current, userId) && current.lines.length > 0;
    // A cart whose every line the catalog stopped selling is as empty as one without lines.
    if (claimable && priceCart(current, prices, null, this.clock()).lines.length === 0) {
      throw new HttpProblem(422, `Cart ${cartId} has nothing the catalog still sells`, { cartId, unavailableSkus: current.lines.map((l) => l.sku) });
    }
    const [claimed] = await this.store.modify([cartId], ([cart]) => [claimForOrder(cart, orderId, userId, this.clock())]);
    if (claimed.discountCode) {
      try {
        await this.redeemIfItApplies(claimed, orderId, prices);
      } catch (error) {
        await this.store.modify([cartId], ([cart]) => [releaseClaim(cart, orderId, this.clock())]);
        throw error;
      }
    }
    return this.price(claimed, requestId, prices);
  }

  /** The checkout of `orderId` failed: its discount use is given back and the cart opens again. Idempotent. */
  async release(cartId: string, orderId: string): Promise<{ id: string; status: string; orderId: string | null; claimedBy: string | null }> {
    // The use first: once the claim is gone, another checkout may redeem the code for this cart.
    await this.codes.giveBack(cartId, orderId);
    const [cart] = await this.store.modify([cartId], ([c]) => [releaseClaim(c, orderId, this.clock())]);
    return claimState(cart);
  }

  /** Marks the cart converted into the order that claimed it (its code's use was counted by the claim). */
  async checkout(cartId: string, orderId: string): Promise<{ id: string; status: string; orderId: string | null; claimedBy: string | null }> {
    const [cart] = await this.store.modify([cartId], ([c]) => [markConverted(c, orderId, this.clock())]);
    return claimState(cart);
  }

  /** A code that gives nothing now (expired, below its minimum) is not used up; the order pays the full price. */
  private async redeemIfItApplies(cart: Cart, orderId: string, prices: Map<string, SkuPrice>): Promise<void> {
    const code = cart.discountCode!;
    const { subtotal } = priceCart({ ...cart, discountCode: null }, prices, null, this.clock());
    const check = checkDiscount(code, await this.codes.find(code), { subtotal, currency: cart.currency, now: this.clock(), countsTowardLimit: false });
    if (check.ok) await this.codes.redeem(code, cart.id, orderId);
  }

  private activeCartOf(userId: string) {
    return this.store.activeCartOf(userId, () => newCart(randomUUID(), userId, this.clock()));
  }

  private async accessible(cartId: string, principal: Principal | null): Promise<Cart> {
    const cart = await this.store.get(cartId);
    if (!cart) throw notFound(`Cart ${cartId} not found`);
    if (!canAccess(cart, principal?.userId ?? null)) throw forbidden(`Cart ${cartId} belongs to another user`);
    return cart;
  }

  private async change(cartId: string, caller: Caller, apply: (cart: Cart) => Cart): Promise<PricedCart> {
    const [cart] = await this.store.modify([cartId], ([current]) => [apply(current)]);
    return this.price(cart, caller.requestId);
  }

  /** `known` prices (just looked up) are reused when they cover every line; otherwise the catalog is asked. */
  private async price(cart: Cart, requestId: string, known?: Map<string, SkuPrice>): Promise<PricedCart> {
    const [prices, code] = await Promise.all([
      known && skusOf(cart).every((sku) => known.has(sku)) ? known : this.catalog.lookup(skusOf(cart), requestId),
      cart.discountCode ? this.codes.find(cart.discountCode) : Promise.resolve(null),
    ]);
    return priceCart(cart, prices, code, this.clock());
  }
}

const skusOf = (cart: Cart) => cart.lines.map((l) => l.sku);
const claimState = (cart: Cart) => ({ id: cart.id, status: cart.status, orderId: cart.orderId, claimedBy: cart.claimedBy ?? null });
