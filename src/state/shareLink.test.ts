import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings/settingsTable.ts';
import { createI18n } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/renderMessage.ts';
import { inEnglish } from '../i18n/inEnglish.ts';
import { classroomLinkFor, readShareLink, sameSharedFile, shareLinkFor } from './shareLink.ts';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const said = (hash: string, t = en) => (readShareLink(hash)?.problems ?? []).map((p) => renderMessage(t, p)).join(' ');

describe('share links', () => {
  it('round-trip the sample and the changed settings, and nothing else', () => {
    const settings = {
      ...defaultSettings(),
      learningRate: 0.01,
      trunk: [{ units: 16, activation: 'tanh' as const, dropout: 0 }],
    };
    const link = shareLinkFor('http://127.0.0.1:4317/#old', 'iris', settings);
    expect(link.startsWith('http://127.0.0.1:4317/#')).toBe(true);
    expect(link).not.toContain('old');
    expect(readShareLink(new URL(link).hash)).toEqual({ sampleId: 'iris', settings, problems: [] });
    expect(readShareLink('')).toBeNull();
    expect(readShareLink('#lang=zh-CN')).toBeNull(); // a language alone is a plain visit
  });

  it('hostile, truncated, huge, unknown-sample or old links give messages and the defaults', () => {
    const cases: [string, RegExp][] = [
      ['#sample=nope', /does not have/],
      ['#batch=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /Batch size must be a number/],
      ['#trunk=%5B%7B', /Trunk in the link is not readable/],
      [`#${'x'.repeat(200_000)}`, /too long/],
      ['#v=0&epochs=3', /another version/],
      ['#sample=correlated&corr=7', /between −1 and 1/],
      ['#lesson=%3Cscript%3E', /lesson this app does not have/],
      ['#hide=everything,__proto__', /hide 2 parts this app does not have/],
      ['#lang=klingon', /language this app does not speak/],
    ];
    for (const [hash, message] of cases) {
      expect(said(hash), hash).toMatch(message);
      expect(readShareLink(hash)?.settings.batchSize).toBe(defaultSettings().batchSize);
      // Every problem is said in Chinese too, with nothing left unfilled.
      expect(said(hash, zh), hash).toMatch(/[\u4e00-\u9fff]/);
      expect(said(hash, zh)).not.toContain('{{');
    }
  });
});

describe('classroom links', () => {
  it('round-trip a lesson, what to hide and the language; the settings of the page are not in a lesson link', () => {
    const settings = { ...defaultSettings(), learningRate: 0.05 };
    const link = classroomLinkFor('http://host/app/', 'weather', settings, undefined, {
      hidden: ['upload', 'backend', 'panel-sharing'],
      lessonId: 'overfitting',
      language: 'zh-CN',
    });
    const read = readShareLink(new URL(link).hash);
    expect(read?.lessonId).toBe('overfitting');
    expect(read?.hidden).toEqual(['upload', 'backend', 'panel-sharing']);
    expect(read?.language).toBe('zh-CN');
    expect(read?.problems).toEqual([]);
    expect(link).not.toContain('lr=');
  });

  it('without a lesson, carry the setup like a share link', () => {
    const settings = { ...defaultSettings(), learningRate: 0.05 };
    const link = classroomLinkFor('http://host/', 'iris', settings, undefined, {
      hidden: ['glossary'],
      lessonId: null,
      language: 'en',
    });
    const read = readShareLink(new URL(link).hash);
    expect(read?.sampleId).toBe('iris');
    expect(read?.settings.learningRate).toBe(0.05);
    expect(read?.hidden).toEqual(['glossary']);
  });

  it('never hide what the lesson needs, made or read', () => {
    const link = classroomLinkFor('http://host/', 'weather', defaultSettings(), undefined, {
      hidden: ['panel-diagnostics', 'upload'],
      lessonId: 'imbalance',
      language: 'en',
    });
    expect(readShareLink(new URL(link).hash)?.hidden).toEqual(['upload']);
    const handMade = readShareLink('#lesson=imbalance&hide=panel-diagnostics,panel-data,upload');
    expect(handMade?.hidden).toEqual(['upload']);
    expect(said('#lesson=imbalance&hide=panel-diagnostics,panel-data,upload')).toMatch(
      /hide 2 parts the lesson needs; they stay visible/,
    );
  });
});

describe('share links of an uploaded file', () => {
  const file = { name: 'shop <b>2024</b>.csv', rows: 1234, sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90aa' };

  it('name the file by its name, rows and hash prefix (never its rows), and a loaded file is checked against it', () => {
    const link = shareLinkFor('http://x/', null, defaultSettings(), undefined, file);
    const setup = readShareLink(new URL(link).hash);
    // Only a file name's characters travel: markup in it is flattened before the link is made.
    expect(setup?.file).toEqual({ name: 'shop _b_2024__b_.csv', rows: 1234, sha256: 'a1b2c3d4e5f60718' });
    expect(setup?.problems.map(inEnglish)).toEqual([
      'It was made with the file “shop _b_2024__b_.csv” (1,234 rows), which a link never holds: upload that file, then press Train; its settings are set.',
    ]);
    const named = setup?.file as NonNullable<typeof setup>['file'] & object;
    expect(sameSharedFile(named, { rows: 1234, sha256: file.sha256 })).toBe(true);
    expect(sameSharedFile(named, { rows: 1234, sha256: 'ffff' + file.sha256.slice(4) })).toBe(false);
    expect(sameSharedFile(named, { rows: 1233, sha256: file.sha256 })).toBe(false);
  });

  it('ignore a malformed file part (the settings still apply) and say the plain sentence', () => {
    for (const bad of [
      'sha=zz&rows=3&file=a',
      'sha=a1b2c3d4e5f60718&rows=-1&file=a',
      'sha=a1b2c3d4e5f60718&rows=3',
      'sha=a1b2c3d4e5f60718&rows=3&file=%3Cimg%20src%3Dx%3E',
    ]) {
      const setup = readShareLink(`#data=file&${bad}`);
      expect(setup?.file).toBeUndefined();
      expect(setup?.problems.map(inEnglish)[0]).toMatch(/^It was made with a file of its own/);
    }
  });
});

describe('links that hold no setup', () => {
  it('a panel anchor is a plain visit; a link with values but none this app reads is said to be unreadable', () => {
    expect(readShareLink('#panel-data')).toBeNull();
    expect(readShareLink('#utm_source=mail&x=1')?.problems.map(inEnglish)).toEqual([
      'The link is not readable; the defaults are used.',
    ]);
    expect(readShareLink('#sample=iris')?.problems).toEqual([]);
  });
});
