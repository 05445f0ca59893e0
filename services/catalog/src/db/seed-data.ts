/** The demo catalog: 5 categories, 52 products, prices in EUR cents. */

export interface SeedCategory {
  slug: string;
  name: string;
}

export interface SeedVariant {
  sku: string;
  name: string;
  price?: number;
  attributes: Record<string, string>;
}

export interface SeedProduct {
  sku: string;
  name: string;
  category: string;
  price: number;
  description: string;
  attributes: Record<string, string>;
  images: string[];
  variants: SeedVariant[];
}

export const seedCategories: SeedCategory[] = [
  { slug: 'footwear', name: 'Footwear' },
  { slug: 'apparel', name: 'Apparel' },
  { slug: 'electronics', name: 'Electronics' },
  { slug: 'home-kitchen', name: 'Home & Kitchen' },
  { slug: 'sports-outdoors', name: 'Sports & Outdoors' },
];

const image = (sku: string) => `https://picsum.photos/seed/${sku}/600/600`;

function product(category: string, sku: string, name: string, price: number, attributes: Record<string, string>, description: string, variants: SeedVariant[] = []): SeedProduct {
  return { sku, name, category, price, description, attributes, images: [image(sku)], variants };
}

/** Size variants of a shoe or garment, each its own SKU at the product's price. */
const sizes = (sku: string, list: string[]): SeedVariant[] => list.map((size) => ({ sku: `${sku}-${size}`, name: `Size ${size}`, attributes: { size } }));

export const seedProducts: SeedProduct[] = [
  // Footwear
  product('footwear', 'FW-RUN-001', 'Stride Pro Running Shoe', 11999, { brand: 'Stride', color: 'blue', size: '42' }, 'Lightweight road running shoe with a responsive foam midsole and breathable engineered mesh upper.', sizes('FW-RUN-001', ['40', '41', '42', '43', '44'])),
  product('footwear', 'FW-RUN-002', 'Stride Trail Runner', 12999, { brand: 'Stride', color: 'green', size: '43' }, 'Trail running shoe with aggressive lugs, a rock plate and a water-resistant upper for muddy paths.'),
  product('footwear', 'FW-SNK-003', 'Urban Classic Sneaker', 7999, { brand: 'Northway', color: 'white', size: '41' }, 'Everyday leather sneaker with a cushioned insole and a timeless low-top silhouette.'),
  product('footwear', 'FW-BOO-004', 'Alpine Leather Hiking Boot', 18999, { brand: 'Summit', color: 'brown', size: '44' }, 'Waterproof full-grain leather hiking boot with ankle support and a Vibram outsole.'),
  product('footwear', 'FW-SND-005', 'Coastline Sandal', 3999, { brand: 'Northway', color: 'black', size: '42' }, 'Adjustable strap sandal with a contoured footbed, made for beach days and summer cities.'),
  product('footwear', 'FW-LOF-006', 'Milano Suede Loafer', 14999, { brand: 'Vellani', color: 'tan', size: '42' }, 'Hand-stitched suede loafer with a flexible leather sole, dressed up or down.'),
  product('footwear', 'FW-SLP-007', 'Cozy Wool Slipper', 2999, { brand: 'Hearth', color: 'grey', size: '40' }, 'Warm felted wool slipper with a memory foam insole and a non-slip sole.'),
  product('footwear', 'FW-BAS-008', 'Courtside Basketball Shoe', 13999, { brand: 'Stride', color: 'red', size: '45' }, 'High-top basketball shoe with ankle lockdown and a grippy herringbone outsole.'),
  product('footwear', 'FW-CHE-009', 'Heritage Chelsea Boot', 16999, { brand: 'Vellani', color: 'black', size: '43' }, 'Leather Chelsea boot with elastic side panels and a stacked heel.'),
  product('footwear', 'FW-KID-010', 'Kids Light-Up Sneaker', 4499, { brand: 'Northway', color: 'pink', size: '30' }, 'Fun sneaker for kids with light-up soles and easy hook-and-loop straps.'),
  // Apparel
  product('apparel', 'AP-TSH-011', 'Organic Cotton T-Shirt', 1999, { brand: 'Loomwell', color: 'white', size: 'M', material: 'cotton' }, 'Soft crew-neck t-shirt made from 100% organic cotton, pre-shrunk for a lasting fit.', sizes('AP-TSH-011', ['S', 'M', 'L', 'XL'])),
  product('apparel', 'AP-HOO-012', 'Fleece Pullover Hoodie', 4999, { brand: 'Loomwell', color: 'grey', size: 'L', material: 'fleece' }, 'Brushed fleece hoodie with a kangaroo pocket and an adjustable drawstring hood.'),
  product('apparel', 'AP-JNS-013', 'Slim Fit Denim Jeans', 6999, { brand: 'Indigo & Co', color: 'blue', size: '32', material: 'denim' }, 'Stretch denim jeans with a slim leg, five pockets and a mid-rise waist.'),
  product('apparel', 'AP-JKT-014', 'Waterproof Rain Jacket', 11999, { brand: 'Summit', color: 'yellow', size: 'M', material: 'nylon' }, 'Packable rain jacket with taped seams, a stowable hood and pit zips for ventilation.'),
  product('apparel', 'AP-SWT-015', 'Merino Wool Sweater', 8999, { brand: 'Hearth', color: 'navy', size: 'L', material: 'wool' }, 'Fine-knit merino sweater that keeps warm without bulk and resists odours.'),
  product('apparel', 'AP-DRS-016', 'Linen Summer Dress', 7499, { brand: 'Vellani', color: 'beige', size: 'S', material: 'linen' }, 'Breezy linen midi dress with a tie waist and side pockets.'),
  product('apparel', 'AP-SHR-017', 'Oxford Button-Down Shirt', 5499, { brand: 'Loomwell', color: 'light blue', size: 'M', material: 'cotton' }, 'Classic oxford cloth shirt with a button-down collar, smart enough for the office.'),
  product('apparel', 'AP-PUF-018', 'Down Puffer Jacket', 17999, { brand: 'Summit', color: 'black', size: 'XL', material: 'down' }, 'Insulated puffer jacket filled with responsibly sourced down, rated for cold winters.'),
  product('apparel', 'AP-LEG-019', 'High-Waist Yoga Leggings', 3999, { brand: 'Flowfit', color: 'black', size: 'M', material: 'elastane' }, 'Squat-proof leggings with a high waistband and a hidden key pocket.'),
  product('apparel', 'AP-CAP-020', 'Classic Baseball Cap', 1499, { brand: 'Northway', color: 'red', size: 'one size', material: 'cotton' }, 'Six-panel cotton cap with a curved brim and an adjustable strap.'),
  // Electronics
  product('electronics', 'EL-HPH-021', 'Noise Cancelling Headphones', 24999, { brand: 'Sonara', color: 'black', connectivity: 'bluetooth' }, 'Over-ear wireless headphones with adaptive noise cancelling and 30-hour battery life.'),
  product('electronics', 'EL-EAR-022', 'True Wireless Earbuds', 9999, { brand: 'Sonara', color: 'white', connectivity: 'bluetooth' }, 'Compact earbuds with a charging case, touch controls and sweat resistance.'),
  product('electronics', 'EL-SPK-023', 'Portable Bluetooth Speaker', 6999, { brand: 'Sonara', color: 'blue', connectivity: 'bluetooth' }, 'Rugged waterproof speaker with 360-degree sound and 12 hours of playback.'),
  product('electronics', 'EL-WAT-024', 'Fitness Smartwatch', 19999, { brand: 'Pulsar', color: 'black', connectivity: 'bluetooth' }, 'Smartwatch with heart-rate tracking, GPS, sleep insights and a bright AMOLED screen.'),
  product('electronics', 'EL-KBD-025', 'Mechanical Keyboard', 11999, { brand: 'Keyforge', color: 'grey', connectivity: 'usb-c' }, 'Tenkeyless mechanical keyboard with hot-swappable switches and per-key backlight.'),
  product('electronics', 'EL-MSE-026', 'Ergonomic Wireless Mouse', 4999, { brand: 'Keyforge', color: 'black', connectivity: 'bluetooth' }, 'Sculpted wireless mouse with silent clicks and a rechargeable battery.'),
  product('electronics', 'EL-CHG-027', '65W USB-C Charger', 3499, { brand: 'Voltix', color: 'white', connectivity: 'usb-c' }, 'Compact GaN charger that powers a laptop, phone and tablet from two ports.'),
  product('electronics', 'EL-PWR-028', '20000mAh Power Bank', 4499, { brand: 'Voltix', color: 'black', connectivity: 'usb-c' }, 'High-capacity power bank with fast charging, enough for several phone refills.'),
  product('electronics', 'EL-CAM-029', '4K Action Camera', 29999, { brand: 'Pulsar', color: 'black', connectivity: 'wifi' }, 'Waterproof action camera recording stabilised 4K video, with mounts included.'),
  product('electronics', 'EL-LMP-030', 'Smart LED Desk Lamp', 5999, { brand: 'Lumio', color: 'white', connectivity: 'wifi' }, 'Dimmable desk lamp with adjustable colour temperature and app control.'),
  // Home & Kitchen
  product('home-kitchen', 'HK-POT-031', 'Enamelled Cast Iron Casserole', 15999, { brand: 'Fonderie', color: 'red', capacity: '5.2 l' }, 'Heavy cast iron pot with an enamel finish for slow braises, stews and bread.'),
  product('home-kitchen', 'HK-KNF-032', "Chef's Knife 20 cm", 8999, { brand: 'Kaizen', color: 'silver', material: 'steel' }, 'Forged high-carbon stainless steel knife with a balanced full-tang handle.'),
  product('home-kitchen', 'HK-COF-033', 'Pour-Over Coffee Set', 4499, { brand: 'Brewhaus', color: 'white', material: 'ceramic' }, 'Ceramic dripper, glass carafe and reusable filter for a clean, bright cup.'),
  product('home-kitchen', 'HK-ESP-034', 'Espresso Machine', 39999, { brand: 'Brewhaus', color: 'silver', material: 'steel' }, 'Semi-automatic espresso machine with a 15-bar pump and a steam wand for milk.'),
  product('home-kitchen', 'HK-BLN-035', 'High-Speed Blender', 12999, { brand: 'Vortexa', color: 'black', capacity: '2 l' }, 'Powerful blender for smoothies, soups and nut butters, with a tamper.'),
  product('home-kitchen', 'HK-PAN-036', 'Non-Stick Frying Pan 28 cm', 3999, { brand: 'Fonderie', color: 'black', material: 'aluminium' }, 'PFOA-free non-stick pan with an induction base and a stay-cool handle.'),
  product('home-kitchen', 'HK-TWL-037', 'Cotton Bath Towel Set', 4999, { brand: 'Hearth', color: 'white', material: 'cotton' }, 'Set of four plush, absorbent bath towels woven from long-staple cotton.'),
  product('home-kitchen', 'HK-CND-038', 'Scented Soy Candle', 1999, { brand: 'Lumio', color: 'amber', scent: 'cedarwood' }, 'Hand-poured soy candle with a cotton wick and a 40-hour burn time.'),
  product('home-kitchen', 'HK-BED-039', 'Linen Duvet Cover', 11999, { brand: 'Hearth', color: 'sage', material: 'linen' }, 'Stonewashed linen duvet cover that gets softer with every wash.'),
  product('home-kitchen', 'HK-KTL-040', 'Electric Gooseneck Kettle', 6999, { brand: 'Brewhaus', color: 'black', capacity: '1 l' }, 'Temperature-controlled kettle with a precise pour spout for tea and coffee.'),
  // Sports & Outdoors
  product('sports-outdoors', 'SO-TNT-041', 'Two-Person Backpacking Tent', 24999, { brand: 'Summit', color: 'green', capacity: '2 persons' }, 'Freestanding ultralight tent with two doors, two vestibules and a full rainfly.'),
  product('sports-outdoors', 'SO-BAG-042', 'Down Sleeping Bag', 19999, { brand: 'Summit', color: 'orange', temperature: '-5 C' }, 'Mummy sleeping bag with 650-fill down, comfortable to minus five degrees.'),
  product('sports-outdoors', 'SO-PCK-043', 'Hiking Backpack 40 l', 12999, { brand: 'Summit', color: 'grey', capacity: '40 l' }, 'Ventilated trekking pack with a hip belt, rain cover and hydration sleeve.'),
  product('sports-outdoors', 'SO-MAT-044', 'Yoga Mat', 3499, { brand: 'Flowfit', color: 'purple', material: 'rubber' }, 'Non-slip natural rubber mat with alignment lines, 4 mm thick.'),
  product('sports-outdoors', 'SO-DMB-045', 'Adjustable Dumbbell Set', 29999, { brand: 'Ironclad', color: 'black', weight: '24 kg' }, 'Space-saving dumbbells that adjust from 2 to 24 kg with a twist of the dial.'),
  product('sports-outdoors', 'SO-BTL-046', 'Insulated Water Bottle', 2499, { brand: 'Northway', color: 'teal', capacity: '750 ml' }, 'Double-wall steel bottle that keeps drinks cold for 24 hours or hot for 12.'),
  product('sports-outdoors', 'SO-BIK-047', 'Bike Helmet', 7999, { brand: 'Velox', color: 'white', size: 'M' }, 'Road cycling helmet with MIPS protection, 18 vents and a rear light mount.'),
  product('sports-outdoors', 'SO-RKT-048', 'Tennis Racket', 15999, { brand: 'Velox', color: 'yellow', weight: '300 g' }, 'Graphite tennis racket with a 100 square inch head for power and control.'),
  product('sports-outdoors', 'SO-BAL-049', 'Match Football', 2999, { brand: 'Ironclad', color: 'white', size: '5' }, 'Thermo-bonded size 5 football with a textured surface for a true flight.'),
  product('sports-outdoors', 'SO-HDL-050', 'LED Headlamp', 2999, { brand: 'Lumio', color: 'black', brightness: '400 lm' }, 'Rechargeable headlamp with a red night mode, ideal for camping and running.'),
  product('sports-outdoors', 'SO-POL-051', 'Carbon Trekking Poles', 8999, { brand: 'Summit', color: 'black', material: 'carbon' }, 'Pair of foldable carbon poles with cork grips and quick-lock adjustment.'),
  product('sports-outdoors', 'SO-STV-052', 'Compact Camping Stove', 4999, { brand: 'Summit', color: 'silver', fuel: 'gas' }, 'Tiny canister stove that boils a litre of water in about three minutes.'),
];
