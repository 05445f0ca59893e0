import { z } from 'zod';
import { currencySchema, minorUnitsSchema } from '@emporium/contracts';

/** Request schemas shared by the catalog's routes. Bodies are strict: unknown fields are a 400. */

export const skuSchema = z.string().regex(/^[A-Z0-9-]{3,40}$/, 'must be 3 to 40 characters of A-Z, 0-9 and -');
export const attributeNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1 to 40 characters of letters, digits, _ and -');
export const attributeValueSchema = z.string().trim().min(1).max(200);
const attributesSchema = z
  .record(attributeNameSchema, attributeValueSchema)
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
const imagesSchema = z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20);
const nameSchema = z.string().trim().min(1).max(200);
const statusSchema = z.enum(['active', 'draft']);

export const idParams = z.object({ id: z.string().max(100) });

const productFields = {
  name: nameSchema,
  description: z.string().max(5000),
  price: minorUnitsSchema,
  currency: currencySchema,
  images: imagesSchema,
  attributes: attributesSchema,
  categoryId: z.uuid().nullable(),
  status: statusSchema,
};

export const createProductBody = z.strictObject({
  ...productFields,
  sku: skuSchema,
  description: productFields.description.default(''),
  images: productFields.images.default([]),
  attributes: productFields.attributes.default({}),
  categoryId: productFields.categoryId.default(null),
  status: productFields.status.default('active'),
});

/** Any product field but the SKU, which other services key on and so never changes. */
export const patchProductBody = z
  .strictObject(productFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change');

export const createVariantBody = z.strictObject({
  sku: skuSchema,
  name: nameSchema,
  /** Omitted or null: the variant sells at the product's price. */
  price: minorUnitsSchema.nullable().default(null),
  attributes: attributesSchema.default({}),
});

export const createCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by -').max(80).optional(),
  parentId: z.uuid().nullable().default(null),
});

export const createOfferBody = z
  .strictObject({
    name: nameSchema,
    kind: z.enum(['percentage', 'fixed']),
    value: z.number().int().positive().max(1_000_000_000_00),
    /** Fixed offers only: the currency of `value` (default DEFAULT_CURRENCY). */
    currency: currencySchema.optional(),
    startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    endsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    productIds: z.array(z.uuid()).max(1000).default([]),
    categoryIds: z.array(z.uuid()).max(1000).default([]),
  })
  .superRefine((offer, ctx) => {
    if (offer.kind === 'percentage' && offer.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage must be 1 to 100' });
    if (offer.endsAt <= offer.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    if (offer.productIds.length + offer.categoryIds.length === 0) ctx.addIssue({ code: 'custom', path: ['productIds'], message: 'an offer must target at least one product or category' });
  });

const listQueryFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Category id or slug; its descendants are included. */
  category: z.string().min(1).max(120).optional(),
  minPrice: z.coerce.number().int().min(0).optional(),
  maxPrice: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['price_asc', 'price_desc', 'name', 'newest', 'relevance']).optional(),
  /** Staff only; everyone else sees active products. */
  status: z.enum(['active', 'draft', 'all']).optional(),
};

/** Loose, because `attr.<name>=<value>` filters have open-ended names. */
export const listProductsQuery = z.looseObject(listQueryFields);
export const searchQuery = z.looseObject({ ...listQueryFields, q: z.string().trim().min(1).max(200) });
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

/**
 * What the product routes answer (domain/product-view.ts), for /docs and generated clients. The
 * answer is serialized through it: a field added to the view must be added here too.
 */
const pricingFields = {
  /** The list price, before offers (minor units). */
  price: z.number().int(),
  /** What it sells for now, after the best active offer. */
  effectivePrice: z.number().int(),
  currency: z.string(),
  appliedOffer: z.object({ id: z.string(), name: z.string() }).nullable(),
};
export const variantViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  attributes: z.record(z.string(), z.string()),
  /** The variant has its own price rather than the product's. */
  priceOverride: z.boolean(),
  ...pricingFields,
});
export const productViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  images: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  categoryId: z.string().nullable(),
  status: z.enum(['active', 'draft']),
  createdAt: z.string(),
  updatedAt: z.string(),
  variants: z.array(variantViewSchema),
  ...pricingFields,
});
export const productListSchema = z.object({ items: z.array(productViewSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
