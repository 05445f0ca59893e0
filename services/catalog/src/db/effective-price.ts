import { sql, type SQL } from 'drizzle-orm';
import { categories, products } from './schema.ts';

/**
 * The product's effective price at `now`, as SQL, for filtering and sorting in the database.
 * Same rules as `priceItem` in src/domain/pricing.ts (the source of truth for what responses
 * show); the API tests check that both agree. Needs `categories` left-joined on the product's category.
 * Integer division of non-negative numbers floors, so `(price * pct + 50) / 100` rounds half up.
 */
export function effectivePriceSql(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`greatest(0, least(${products.price}, coalesce((
    select min(case when o.kind = 'percentage'
                    then ${products.price} - (${products.price} * o.value + 50) / 100
                    else ${products.price} - o.value end)
    from offers o
    where o.starts_at <= ${at} and o.ends_at > ${at}
      and (o.kind = 'percentage' or o.currency = ${products.currency})
      and (${products.id} = any(o.product_ids) or o.category_ids && ${categories.path})
  ), ${products.price})))`;
}
