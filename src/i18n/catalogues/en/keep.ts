/** English strings of keeping work: saved runs, comparison, the model bundle, predictions. */
export const enKeep = {} as const;
