/** English strings of the playground area (see ../../README.md for how keys are named). */
export const enPlayground = {} as const;
