import { priceItem, type Offer, type Pricing } from './pricing.ts';

/** What the API shows for products and variants: stored fields plus pricing at `now`. Pure. */

interface VariantData {
  id: string;
  sku: string;
  name: string;
  price: number | null;
  attributes: Record<string, string>;
}

export interface ProductData {
  id: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  images: string[];
  attributes: Record<string, string>;
  categoryId: string | null;
  categoryPath: string[];
  status: 'active' | 'draft';
  createdAt: Date;
  updatedAt: Date;
  variants: VariantData[];
}

export type VariantView = Omit<VariantData, 'price'> & Pricing & { priceOverride: boolean };

export type ProductView = Omit<ProductData, 'categoryPath' | 'variants' | 'createdAt' | 'updatedAt'> &
  Pricing & { createdAt: string; updatedAt: string; variants: VariantView[] };

/** Prices a product, or one of its variants (a variant without its own price sells at the product's). */
export function pricingOf(product: Omit<ProductData, 'variants'>, variant: Pick<VariantData, 'price'> | null, offers: Offer[], now: Date): Pricing {
  return priceItem({ productId: product.id, categoryPath: product.categoryPath, price: variant?.price ?? product.price, currency: product.currency }, offers, now);
}

export function variantView(product: Omit<ProductData, 'variants'>, variant: VariantData, offers: Offer[], now: Date): VariantView {
  return { id: variant.id, sku: variant.sku, name: variant.name, attributes: variant.attributes, priceOverride: variant.price !== null, ...pricingOf(product, variant, offers, now) };
}

export function productView(product: ProductData, offers: Offer[], now: Date): ProductView {
  const { categoryPath: _path, variants, createdAt, updatedAt, ...fields } = product;
  return {
    ...fields,
    ...pricingOf(product, null, offers, now),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    variants: variants.map((v) => variantView(product, v, offers, now)),
  };
}

/** Display name of a SKU: the product's name, with the variant's when it is one. */
export function skuName(productName: string, variantName: string | null): string {
  return variantName ? `${productName} (${variantName})` : productName;
}
