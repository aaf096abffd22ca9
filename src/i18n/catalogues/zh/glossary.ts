/** 简体中文：glossary 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enGlossary } from '../en/glossary.ts';

export const zhGlossary: Translation<typeof enGlossary> = {};
