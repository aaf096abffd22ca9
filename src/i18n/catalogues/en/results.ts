/** English strings of the results area (see ../../README.md for how keys are named). */
export const enResults = {} as const;
