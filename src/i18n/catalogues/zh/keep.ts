/** keep 的中文字符串。 */
import type { Translation } from '../../translation.ts';
import type { enKeep } from '../en/keep.ts';

export const zhKeep: Translation<typeof enKeep> = {};
