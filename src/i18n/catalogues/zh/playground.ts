/** 简体中文：playground 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enPlayground } from '../en/playground.ts';

export const zhPlayground: Translation<typeof enPlayground> = {};
