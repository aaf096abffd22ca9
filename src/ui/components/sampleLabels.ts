/** Each sample's name by id (the English ones are the core's `label`s); a sample missing here shows its core label. */
export const SAMPLE_LABELS = {
  weather: 'data.samples.weather',
  iris: 'data.samples.iris',
  ecommerce: 'data.samples.ecommerce',
  correlated: 'data.samples.correlated',
} as const;

export const sampleLabelKey = (id: string) =>
  Object.hasOwn(SAMPLE_LABELS, id) ? SAMPLE_LABELS[id as keyof typeof SAMPLE_LABELS] : null;
