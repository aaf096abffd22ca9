/** 简体中文：lessons 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enLessons } from '../en/lessons.ts';

export const zhLessons: Translation<typeof enLessons> = {};
