/** 简体中文：common 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enCommon } from '../en/common.ts';

export const zhCommon: Translation<typeof enCommon> = {};
