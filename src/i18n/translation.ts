/**
 * The shape every other language's catalogue must have: the English catalogue's keys, each with a
 * string. English plural forms come in pairs (`rows_one`, `rows_other`); Chinese has no plural, so
 * only the `_other` form is required there (i18next picks `_other` for every count in zh).
 */
export type Translation<T> = {
  -readonly [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & {
  -readonly [K in keyof T as K extends `${string}_one` ? K : never]?: string;
};
