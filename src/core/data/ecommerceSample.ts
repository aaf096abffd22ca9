/**
 * A seeded synthetic e-commerce log, generated in code (no licence questions): one row per item
 * shown to a user. Users and items have hidden taste vectors; the targets follow from them:
 * clicked (binary, every row), purchased (binary, only observed after a click: missing
 * otherwise), spend (regression, basket value in USD, only observed after a purchase) and the
 * user's preferred_category (8 classes). user_id and item_id have hundreds of values each, so
 * they get learned embeddings.
 */
import type { CategoricalColumn, NumericColumn, Table } from '../csv/table.ts';
import { createRng } from '../rng.ts';

const CATEGORIES = ['books', 'electronics', 'fashion', 'garden', 'grocery', 'home', 'sports', 'toys'];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const TASTE_DIMS = 3;

export interface EcommerceOptions {
  rows?: number;
  users?: number;
  items?: number;
}

/** Generates the table; the same seed always gives the same table. */
export function generateEcommerceTable(seed: number, options: EcommerceOptions = {}): Table {
  const { rows = 20000, users = 800, items = 300 } = options;
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const vector = () => Array.from({ length: TASTE_DIMS }, normal);
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  const categoryVectors = CATEGORIES.map(vector);

  const userTaste = Array.from({ length: users }, vector);
  const userAge = userTaste.map(() => Math.round(Math.min(75, Math.max(18, 38 + 12 * normal()))));
  const userTenure = userTaste.map(() => Math.round(-Math.log(1 - rng()) * 400));
  const userPreferred = userTaste.map((t) => argMax(categoryVectors.map((c) => dot(t, c) + 0.5 * normal())));
  const itemCategory = Array.from({ length: items }, () => Math.floor(rng() * CATEGORIES.length));
  const itemTaste = itemCategory.map((c) => (categoryVectors[c] as number[]).map((v) => 0.7 * v + 0.5 * normal()));
  const itemPrice = itemCategory.map(() => Math.round(Math.exp(3 + 0.6 * normal()) * 100) / 100);
  const itemRating = itemCategory.map(() => Math.round(Math.min(5, Math.max(1, 3.8 + 0.6 * normal())) * 10) / 10);

  const col = {
    userId: new Array<string>(rows),
    itemId: new Array<string>(rows),
    device: new Array<string>(rows),
    category: new Array<string>(rows),
    clicked: new Array<string>(rows),
    purchased: new Array<string | null>(rows),
    preferred: new Array<string>(rows),
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
    const device = rng() < 0.6 ? 1 : rng() < 0.8 ? 0 : 2;
    const hour = Math.floor(rng() * 24);
    const position = 1 + Math.floor(rng() * 10);
    const discount = [0, 0, 0, 10, 20, 30][Math.floor(rng() * 6)] as number;
    const affinity = dot(userTaste[u] as number[], itemTaste[i] as number[]);
    const sameCategory = itemCategory[i] === userPreferred[u] ? 1 : 0;
    const clickP = sigmoid(
      -1.3 + 0.6 * affinity + 0.9 * sameCategory - 0.12 * (position - 1) + 0.02 * discount + (device === 0 ? 0.3 : 0),
    );
    const clicked = rng() < clickP;
    let purchased: boolean | null = null;
    let spend = NaN;
    if (clicked) {
      const buyP = sigmoid(
        -0.6 +
          0.5 * affinity +
          0.05 * discount -
          0.8 * Math.log((itemPrice[i] as number) / 20) +
          0.6 * ((itemRating[i] as number) - 3.8),
      );
      purchased = rng() < buyP;
      if (purchased) {
        const quantity = 1 + Math.floor(-Math.log(1 - rng()) * (0.5 + Math.max(0, affinity) * 0.5));
        spend = Math.round((itemPrice[i] as number) * quantity * (1 - discount / 100) * 100) / 100;
      }
    }
    col.userId[r] = `u${String(u + 1).padStart(4, '0')}`;
    col.itemId[r] = `i${String(i + 1).padStart(3, '0')}`;
    col.device[r] = DEVICES[device] as string;
    col.category[r] = CATEGORIES[itemCategory[i] as number] as string;
    col.clicked[r] = clicked ? 'yes' : 'no';
    col.purchased[r] = purchased === null ? null : purchased ? 'yes' : 'no';
    col.preferred[r] = CATEGORIES[userPreferred[u] as number] as string;
    num.age[r] = userAge[u] as number;
    num.tenure[r] = userTenure[u] as number;
    num.hour[r] = hour;
    num.position[r] = position;
    num.price[r] = itemPrice[i] as number;
    num.rating[r] = itemRating[i] as number;
    num.discount[r] = discount;
    num.spend[r] = spend;
  }
  return {
    rowCount: rows,
    columns: [
      categorical('user_id', col.userId),
      categorical('item_id', col.itemId),
      numeric('user_age', num.age),
      numeric('user_tenure_days', num.tenure),
      categorical('device', col.device),
      numeric('hour', num.hour),
      numeric('position', num.position),
      categorical('item_category', col.category),
      numeric('item_price', num.price),
      numeric('item_rating', num.rating),
      numeric('discount_pct', num.discount),
      categorical('clicked', col.clicked),
      categorical('purchased', col.purchased),
      numeric('spend', num.spend),
      categorical('preferred_category', col.preferred),
    ],
  };
}

function argMax(xs: number[]): number {
  return xs.reduce((best, v, i) => (v > (xs[best] as number) ? i : best), 0);
}

function numeric(name: string, values: Float64Array): NumericColumn {
  let missing = 0;
  for (const v of values) if (Number.isNaN(v)) missing++;
  return { name, type: 'numeric', values, missing };
}

function categorical(name: string, labels: (string | null)[]): CategoricalColumn {
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
