/** 简体中文：data 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enData } from '../en/data.ts';

export const zhData: Translation<typeof enData> = {};
