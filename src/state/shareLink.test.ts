import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings/settingsTable.ts';
import { createI18n } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/renderMessage.ts';
import { classroomLinkFor, readShareLink, shareLinkFor } from './shareLink.ts';

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
