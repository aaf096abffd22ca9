/**
 * A seeded synthetic e-commerce impression log, generated in code (no licence questions): one row
 * per item shown to a user. The funnel is the one CTR/CVR models face (Ma et al., ESMM, SIGIR 2018):
 * `clicked` on every impression (about 4.5 %), `purchased` only observed after a click (missing
 * otherwise; about 8 % of clicks) and `spend` (basket value in USD) only after a purchase.
 *
 * The targets follow mostly from observable columns: the user's age against the item's category
 * (each category has its own age group), price, rating, discount, list position, device and hour.
 * A small hidden user × item taste term is the only thing the ids add, so user_id and item_id
 * (200 and 100 values: learned embeddings) help a little and are no lookup; no target
 * is a function of an id. Click and purchase share the age × category affinity and the taste, so a
 * purchase model, which sees only the clicked rows, can borrow what the click model learns from all
 * of them. Position drives clicks but not purchases (position bias).
 */
import type { CategoricalColumn, NumericColumn, Table } from '../csv/table.ts';
import { createRng } from '../rng.ts';

/** Item categories and the age each appeals to most. */
const CATEGORIES: readonly [string, number][] = [
  ['books', 58],
  ['electronics', 29],
  ['fashion', 25],
  ['garden', 62],
  ['grocery', 44],
  ['home', 47],
  ['sports', 32],
  ['toys', 37],
];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const TASTE_DIMS = 2;
/** Intercepts of the click and purchase logits, set so the rates are about 4.5 % and 8 %. */
const CLICK_BIAS = -3.1;
const BUY_BIAS = -5.25;

export interface EcommerceOptions {
  rows?: number;
  users?: number;
  items?: number;
}

/**
 * Defaults of the built-in sample: 60,000 impressions (about 2,700 clicks and 210 purchases: enough
 * for a purchase AUC), 300 per user and 600 per item, so an id's embedding sees many clicks, not one.
 */
export const ECOMMERCE_DEFAULTS: Required<EcommerceOptions> = { rows: 60000, users: 200, items: 100 };

/** Generates the table; the same seed (and options) always gives the same table. */
export function generateEcommerceTable(seed: number, options: EcommerceOptions = {}): Table {
  const { rows, users, items } = withDefaults(options);
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const vector = () => Array.from({ length: TASTE_DIMS }, normal);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

  const userTaste = Array.from({ length: users }, vector);
  const userAge = userTaste.map(() => Math.round(clamp(40 + 13 * normal(), 18, 80)));
  const userTenure = userTaste.map(() => Math.round(-Math.log(1 - rng()) * 500));
  const userMobile = userTaste.map(() => 0.25 + 0.6 * rng()); // share of the user's visits on a phone
  const itemCategory = Array.from({ length: items }, () => Math.floor(rng() * CATEGORIES.length));
  const itemTaste = itemCategory.map(vector);
  const itemPrice = itemCategory.map(() => Math.round(Math.exp(3.3 + 0.7 * normal()) * 100) / 100);
  const itemRating = itemCategory.map(() => Math.round(clamp(4 + 0.5 * normal(), 1, 5) * 10) / 10);

  const text = {
    userId: new Array<string>(rows),
    itemId: new Array<string>(rows),
    device: new Array<string>(rows),
    category: new Array<string>(rows),
    clicked: new Array<string>(rows),
    purchased: new Array<string | null>(rows),
  };
  const num = {
    age: new Float64Array(rows),
    tenure: new Float64Array(rows),
    hour: new Float64Array(rows),
    position: new Float64Array(rows),
    price: new Float64Array(rows),
    rating: new Float64Array(rows),
    discount: new Float64Array(rows),
    spend: new Float64Array(rows),
  };

  for (let r = 0; r < rows; r++) {
    const u = Math.floor(rng() * users);
    const i = Math.floor(rng() * items);
    const age = userAge[u] as number;
    const category = itemCategory[i] as number;
    const price = itemPrice[i] as number;
    const rating = itemRating[i] as number;
    const tenure = userTenure[u] as number;
    const mobile = rng() < (userMobile[u] as number);
    const device = mobile ? 1 : rng() < 0.75 ? 0 : 2;
    const hour = Math.floor(rng() * 24);
    const position = 1 + Math.floor(rng() * 10);
    const discount = [0, 0, 0, 0, 10, 20, 30][Math.floor(rng() * 7)] as number;
    // Shared by click and purchase: how much the category suits the user's age, and a hidden taste.
    const ageFit = 1.6 * Math.exp(-(((age - (CATEGORIES[category] as [string, number])[1]) / 12) ** 2)) - 0.6;
    const taste = 0.45 * dot(userTaste[u] as number[], itemTaste[i] as number[]);
    const logPrice = Math.log(price / 27);
    const clickLogit =
      CLICK_BIAS +
      ageFit +
      taste -
      0.2 * (position - 1) +
      0.6 * (rating - 4) +
      0.025 * discount -
      0.2 * logPrice +
      (hour >= 19 && hour <= 23 ? 0.35 : 0) +
      (mobile && category === 2 ? 0.4 : 0);
    const clicked = rng() < sigmoid(clickLogit);
    let purchased: boolean | null = null;
    let spend = NaN;
    if (clicked) {
      const priceSensitivity = 0.5 + 0.9 * clamp((60 - age) / 40, 0, 1); // the young mind the price more
      const buyLogit =
        BUY_BIAS +
        1.3 * ageFit +
        1.3 * taste +
        0.9 * (rating - 4) +
        0.04 * discount -
        priceSensitivity * logPrice +
        0.35 * Math.log1p(tenure / 365) +
        (device === 0 ? 0.4 : 0);
      purchased = rng() < sigmoid(buyLogit);
      if (purchased) {
        const extra = Math.floor(-Math.log(1 - rng()) * (0.3 + 0.4 * Math.log1p(tenure / 365)));
        spend = Math.round(price * (1 + extra) * (1 - discount / 100) * 100) / 100;
      }
    }
    text.userId[r] = `u${String(u + 1).padStart(4, '0')}`;
    text.itemId[r] = `i${String(i + 1).padStart(3, '0')}`;
    text.device[r] = DEVICES[device] as string;
    text.category[r] = (CATEGORIES[category] as [string, number])[0];
    text.clicked[r] = clicked ? 'yes' : 'no';
    text.purchased[r] = purchased === null ? null : purchased ? 'yes' : 'no';
    num.age[r] = age;
    num.tenure[r] = tenure;
    num.hour[r] = hour;
    num.position[r] = position;
    num.price[r] = price;
    num.rating[r] = rating;
    num.discount[r] = discount;
    num.spend[r] = spend;
  }
  return {
    rowCount: rows,
    columns: [
      categorical('user_id', text.userId),
      categorical('item_id', text.itemId),
      numeric('user_age', num.age),
      numeric('user_tenure_days', num.tenure),
      categorical('device', text.device),
      numeric('hour', num.hour),
      numeric('position', num.position),
      categorical('item_category', text.category),
      numeric('item_price', num.price),
      numeric('item_rating', num.rating),
      numeric('discount_pct', num.discount),
      categorical('clicked', text.clicked),
      categorical('purchased', text.purchased),
      numeric('spend', num.spend),
    ],
  };
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * (b[i] as number), 0);
}

export function numeric(name: string, values: Float64Array): NumericColumn {
  let missing = 0;
  for (const v of values) if (Number.isNaN(v)) missing++;
  return { name, type: 'numeric', values, missing };
}

export function categorical(name: string, labels: (string | null)[]): CategoricalColumn {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  let missing = 0;
  const codes = Int32Array.from(labels, (l) => {
    if (l === null) {
      missing++;
      return -1;
    }
    let code = index.get(l);
    if (code === undefined) {
      code = dictionary.length;
      index.set(l, code);
      dictionary.push(l);
    }
    return code;
  });
  return { name, type: 'categorical', codes, dictionary, missing };
}

function withDefaults(options: EcommerceOptions): Required<EcommerceOptions> {
  return {
    rows: options.rows ?? ECOMMERCE_DEFAULTS.rows,
    users: options.users ?? ECOMMERCE_DEFAULTS.users,
    items: options.items ?? ECOMMERCE_DEFAULTS.items,
  };
}
