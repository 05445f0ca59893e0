import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Product } from '../api/models.ts';
import { Price } from './Price.tsx';
import { ProductImage } from './ProductImage.tsx';

export function ProductCard({ product }: { product: Product }) {
  const { t } = useTranslation();
  return (
    <li className="card product-card">
      <ProductImage src={product.images[0]} name={product.name} />
      <div className="card-body">
        <h3 className="card-title">
          <Link to={`/products/${product.id}`} className="stretched">{product.name}</Link>
        </h3>
        <Price price={product.effectivePrice} base={product.price} currency={product.currency} />
        {product.appliedOffer && <span className="badge">{t('product.offer', { name: product.appliedOffer.name })}</span>}
      </div>
    </li>
  );
}
