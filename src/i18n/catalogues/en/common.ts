/** English strings of the common area (see ../../README.md for how keys are named). */
export const enCommon = {} as const;
