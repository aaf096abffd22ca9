/** English strings of the model area (see ../../README.md for how keys are named). */
export const enModel = {} as const;
