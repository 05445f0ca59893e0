import { useState } from 'react';

/** The product's first image, or a tile with its initial when there is none or it fails to load. */
export function ProductImage({ src, name, className = '' }: { src: string | undefined; name: string; className?: string }) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    const hue = [...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
    return (
      <div className={`product-image placeholder ${className}`} style={{ background: `linear-gradient(135deg, hsl(${hue} 45% 88%), hsl(${(hue + 40) % 360} 45% 78%))` }} aria-hidden="true">
        <span>{name.slice(0, 1)}</span>
      </div>
    );
  }
  return <img className={`product-image ${className}`} src={src} alt="" loading="lazy" onError={() => setFailed(true)} />;
}
