/** 简体中文：diagnostics 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enDiagnostics } from '../en/diagnostics.ts';

export const zhDiagnostics: Translation<typeof enDiagnostics> = {};
