/**
 * Response bodies the UI reads. The services' OpenAPI documents describe paths, parameters and
 * request bodies (generated into schema.d.ts and checked by openapi-fetch), but not yet their
 * responses; these mirror the shapes in the services' READMEs until they do.
 */
export type Money = number; // integer minor units

export interface AppliedOffer { id: string; name: string }

export interface Variant {
  id: string; sku: string; name: string; attributes: Record<string, string>;
  price: Money; effectivePrice: Money; currency: string; appliedOffer: AppliedOffer | null;
}

export interface Product {
  id: string; sku: string; name: string; description: string; price: Money; effectivePrice: Money; currency: string;
  appliedOffer: AppliedOffer | null; images: string[]; attributes: Record<string, string>; categoryId: string | null;
  status: 'active' | 'draft'; createdAt: string; updatedAt: string; variants: Variant[];
}

export interface Offer {
  id: string; name: string; kind: 'percentage' | 'fixed'; value: number; currency: string | null;
  startsAt: string; endsAt: string; productIds: string[]; categoryIds: string[]; active: boolean;
}

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface Category { id: string; name: string; slug: string; parentId: string | null; children: Category[] }

export interface CartLine { sku: string; productId: string; name: string; quantity: number; unitPrice: Money; basePrice: Money; lineTotal: Money }

export interface Cart {
  id: string; userId: string | null; status: 'active' | 'merged' | 'converted'; currency: string; lines: CartLine[];
  unavailableSkus: string[]; itemCount: number; subtotal: Money; discount: Money; total: Money;
  discountCode: string | null; discountReason: string | null;
}

export type OrderStatus = 'pending' | 'reserved' | 'paid' | 'payment_failed' | 'fulfilled' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderSummary {
  id: string; status: OrderStatus; userId: string | null; email: string; currency: string;
  subtotal: Money; discount: Money; total: Money; createdAt: string; updatedAt: string;
}

export interface Order extends OrderSummary {
  lines: Array<{ sku: string; name: string; quantity: number; unitPrice: Money; lineTotal: Money }>;
  shippingAddress: { name: string; line1: string; line2?: string; city: string; postalCode: string; country: string };
  statusHistory: Array<{ state: OrderStatus; at: string; note: string | null }>;
  shipments: Array<{ id: string; carrier: string; trackingNumber: string; shippedAt: string }>;
}

export interface OrderPage { items: OrderSummary[]; page: number; pageSize: number; total: number }

export interface StockLevel { totals: { onHand: number; reserved: number; available: number } }

export interface Tokens { accessToken: string; refreshToken: string }

/** RFC 9457 problem details, as every service answers errors. */
export interface Problem { title?: string; status?: number; detail?: string; [extension: string]: unknown }
