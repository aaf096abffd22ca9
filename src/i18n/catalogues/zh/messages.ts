/** 简体中文：messages 区域的字符串。 */
import type { Translation } from '../../translation.ts';
import type { enMessages } from '../en/messages.ts';

export const zhMessages: Translation<typeof enMessages> = {};
