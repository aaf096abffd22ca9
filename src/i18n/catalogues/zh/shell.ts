/** 简体中文：页面框架（各面板标题、页脚、课堂视图）的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enShell } from '../en/shell.ts';

export const zhShell: Translation<typeof enShell> = {};
