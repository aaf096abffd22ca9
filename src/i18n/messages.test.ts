/**
 * The core's and the worker's messages say something whole in Chinese: every key of the `messages`
 * area renders with each of its placeholders filled, and the messages the code really builds (parse
 * problems and alerts, refused roles, settings and live changes, backend reasons) come out in
 * Chinese with nothing left unrendered (no `{{…}}`, no raw key).
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../core/csv/decodeText.ts';
import { parseCsvSync } from '../core/csv/parseCsv.ts';
import { parseCsv } from '../core/csv/parseCsv.ts';
import { prepareDataset } from '../core/data/prepareDataset.ts';
import { splitFractions } from '../core/data/split.ts';
import { message, type Message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { readSettings } from '../core/settings/readSettings.ts';
import { settingsFromUrl } from '../core/settings/settingsUrl.ts';
import { toyTable } from '../core/testing/toyData.ts';
import { checkRunPatch } from '../worker/checkRunPatch.ts';
import { selectBackend } from '../worker/selectBackend.ts';
import { enMessages } from './catalogues/en/messages.ts';
import { createI18n } from './i18n.ts';
import { inEnglish } from './inEnglish.ts';
import { renderMessage } from './renderMessage.ts';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}.${k}`, v] as [string, string]] : flatten(v, `${prefix}.${k}`),
  );
}

const zh = createI18n('zh-CN');
const inChinese = (msg: Message) => renderMessage(zh.t, msg);
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Each message in both languages: whole (no placeholder or key left), the Chinese one in Chinese. */
function expectSaid(list: Message[]): void {
  expect(list.length).toBeGreaterThan(0);
  for (const msg of list) {
    const english = inEnglish(msg);
    const chinese = inChinese(msg);
    for (const text of [english, chinese]) {
      expect(text, JSON.stringify(msg)).not.toMatch(/\{\{|messages\./);
      expect(text.length, JSON.stringify(msg)).toBeGreaterThan(0);
    }
    expect(chinese, english).toMatch(HAS_CHINESE);
  }
}

function refusal(run: () => unknown): Message {
  try {
    run();
  } catch (error) {
    if (error instanceof MessageError) return error.detail;
    throw error;
  }
  throw new Error('Expected an error, and none was thrown.');
}

describe('messages in Chinese', () => {
  it('every key of the messages area renders in Chinese with its placeholders filled', () => {
    const entries = flatten(enMessages as unknown as Tree, 'messages');
    const bases = new Map<string, string>();
    const plural = new Set<string>();
    for (const [key, text] of entries) {
      const base = key.replace(/_(one|other)$/, '');
      if (base !== key) plural.add(base);
      bases.set(base, text);
    }
    expect(bases.size).toBeGreaterThan(100);
    for (const [key, english] of bases) {
      const names = [...english.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] as string);
      // Numbers fill every placeholder (`{{count, number}}` needs one); a plural key is always said with a count.
      const params = Object.fromEntries([...names, ...(plural.has(key) ? ['count'] : [])].map((n) => [n, 2]));
      const chinese = inChinese(message(key, params));
      expect(chinese, key).not.toMatch(/\{\{/);
      expect(chinese, key).not.toBe(key); // i18next gives an unknown key back
      expect(inEnglish(message(key, { ...params, count: 1 })), key).not.toMatch(/\{\{/);
    }
  });

  it('says every parse problem and the parse alert in Chinese', async () => {
    const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
    const files = [
      'id,name,n\n1,ann,5\n2,"bob,6\n3,cy,7\n', // a quote that never closes
      'a,"b\n1,2\n3,4\n', // … in the header
      'a,b\n1,x\n"2,y\n3,z\n"4,w\n5,v\n', // two of them
      `a,b\n"x"y,1\n${rows(5, (i) => `${i},${i}`)}\n7,"z"\n8,8\n`, // an undoubled quote that merges lines
      'size,n\n1,1\n"12" screen",2\n3,3\n',
      'a,b\n1\n2\n3\n', // no separator found
      `a,b,c\n${rows(8, (i) => (i % 2 ? '1,2' : '1,2,3'))}\n`,
      `a,b\n${rows(12, (i) => `${i},${i},x`)}\n`,
      'a,b\n,\n1,2\n , \n3,4\n',
      'a,b\n1,2\n,\n3,4\n',
      '__proto__,,__proto__, x ,,,,,\n1,2,3,4,5,6,7,8,9\n',
      'x;y\n12,5;a\n-0,25;b\n3;a\n',
      `x,y\n${rows(6, (i) => `${['1', '-inf', '2', 'Infinity', '1e400', '3'][i]},${i}`)}\n`,
      `x,y\n${rows(60, (i) => `${i === 7 ? '"12,5"' : i === 30 ? 'n.a.' : i},${i % 2}`)}\n`,
      `x,y\n${rows(20, (i) => `${i % 10 === 3 ? 'unknown' : i},${i % 2}`)}\n`,
    ];
    const said: Message[] = [];
    for (const text of files) {
      const { report } = parseCsvSync(text);
      for (const p of report.problems ?? []) said.push(p.message, p.action);
      if (report.alert) said.push(report.alert);
    }
    expect(new Set(said.map((m) => m.key)).size).toBeGreaterThan(20);
    expectSaid(said);
    expect(inChinese(parseCsvSync(files[0] as string).report.alert as Message)).toBe(
      '第 2 个数据行有一个始终没有闭合的引号（"），本会把下一行并进同一个单元格：引号已按普通字符读取。请在文件中检查这一行；数据集概览列出了全部问题。',
    );
    const refusals = await Promise.all(
      ['', 'a,b\n', 'only\n1\n2\n', 'a\n1\n2,3\n4\n'].map((text) =>
        parseCsv(text).then(
          () => null,
          (error: unknown) => (error as MessageError).detail,
        ),
      ),
    );
    expectSaid(refusals.filter((m): m is Message => m !== null));
    expectSaid([
      refusal(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x00]))),
      decodeText(Uint8Array.from([0x63, 0xe9])).note as Message,
      decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0x00])).note as Message,
    ]);
  });

  it('says why roles or a split make no run, in Chinese', () => {
    const table = toyTable(50);
    const roles = [
      { x1: 'input' },
      { clicked: 'binary' },
      { x1: 'input', segment: 'binary' },
      { x1: 'input', colour: 'regression' },
    ] as const;
    expectSaid([
      ...roles.map((r) => refusal(() => prepareDataset(table, { roles: r }, { seed: 1 }))),
      refusal(() =>
        prepareDataset(table, { roles: { x1: 'input', segment: 'multiclass' } }, { seed: 1, maxClasses: 2 }),
      ),
      refusal(() =>
        prepareDataset(parseCsvSync('x,y\n1,a\n2,a\n').table, { roles: { x: 'input', y: 'binary' } }, { seed: 1 }),
      ),
      refusal(() =>
        prepareDataset(table, { roles: { x1: 'input', clicked: 'binary' }, chainedTo: { clicked: 'x2' } }, { seed: 1 }),
      ),
      refusal(() => splitFractions(50, 40)),
    ]);
  });

  it('says what is wrong with settings, share links and live changes, in Chinese', () => {
    const { problems } = readSettings({
      batchSize: -3,
      epochs: 1.5,
      optimizer: 'magic',
      trunk: [{ units: 0, activation: 'relu', dropout: 0 }],
      headHidden: { income: 2000 },
      weighting: { strategy: 'magic' },
      runUntilPaused: 'maybe',
      maxStepsPerSecond: 0.01,
      earlyStopping: { enabled: true, monitor: '', patience: 3 },
      schedule: [],
      validationPercent: 60,
      testPercent: 30,
    });
    expect(problems.length).toBeGreaterThan(8);
    const link = settingsFromUrl(new URLSearchParams(`v=9&trunk=%5B&lr=${'9'.repeat(30_000)}`));
    expectSaid([
      ...problems,
      ...readSettings(7).problems,
      ...readSettings({ headHidden: JSON.parse('{"__proto__": 5}') as unknown }).problems,
      ...link.problems,
    ]);
    const patches: unknown[] = [
      null,
      { batchSize: 8 },
      { colour: 1 },
      { weights: [1] },
      { enabled: [1, 2] },
      { learningRate: -1 },
      { earlyStopping: { enabled: true, monitor: 9, patience: 2 } },
      { untilEpoch: 0.5 },
    ];
    expectSaid(
      patches.map((patch) => {
        const checked = checkRunPatch(patch, 2);
        if (!('error' in checked)) throw new Error(`accepted ${JSON.stringify(patch)}`);
        return checked.error;
      }),
    );
  });

  it('says which backend runs and why, in Chinese', async () => {
    // No WebGPU in Node: it falls back past the backends that cannot start here, to the CPU.
    const { backend, reason } = await selectBackend('webgpu');
    expect(backend).toBe('cpu');
    expect(inEnglish(reason)).toMatch(
      /^webgpu failed to start here, so it fell back; using cpu( \(.*failed to start\))?\.$/,
    );
    expectSaid([reason, (await selectBackend('cpu')).reason]);
  });
});
