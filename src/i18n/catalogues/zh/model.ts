/** 简体中文：model 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enModel } from '../en/model.ts';

export const zhModel: Translation<typeof enModel> = {};
