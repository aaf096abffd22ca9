/** English strings of the data area (see ../../README.md for how keys are named). */
export const enData = {} as const;
