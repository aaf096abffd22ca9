/** 简体中文：results 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enResults } from '../en/results.ts';

export const zhResults: Translation<typeof enResults> = {};
