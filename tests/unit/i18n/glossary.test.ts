import { describe, expect, it } from 'vitest';
import { GLOSSARY, type GlossaryTerm } from '../../../src-core/i18n/glossary.js';
import { en, type MessageKey } from '../../../src-core/i18n/messages/en.js';
import { zhCN } from '../../../src-core/i18n/messages/zh-CN.js';

/** The English term as a whole-word, case-insensitive pattern that also takes its plural (stories, pages). */
function termPattern(term: GlossaryTerm): RegExp {
  const words = term.en.split(' ').map((w) => w.replace(/y$/, '(?:y|ies)'));
  return new RegExp(`\\b${words.join('\\s+')}(?:s|es)?\\b`, 'i');
}

/** The messages whose English says `term` (outside its arguments and the phrases that mean something else). */
function messagesUsing(term: GlossaryTerm): MessageKey[] {
  const pattern = termPattern(term);
  // The command line's help speaks of its own words — `print` to the terminal, the `proof` preset, a browser
  // page — not of the trade's nouns; its Chinese uses those where they apply.
  return (Object.keys(en) as MessageKey[]).filter((key) => !key.startsWith('cli.help.')).filter((key) => {
    let text = en[key].replace(/\{\w+\}/g, '');
    for (const phrase of term.notThis ?? []) text = text.replace(new RegExp(phrase, 'gi'), '');
    return pattern.test(text);
  });
}

describe('the glossary', () => {
  it('names each English term once', () => {
    const names = GLOSSARY.map((t) => t.en);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is what the Chinese catalogue says where the English says the term', () => {
    const misses: string[] = [];
    for (const term of GLOSSARY) {
      const forms = [term.zh, ...(term.zhVariants ?? [])];
      for (const key of messagesUsing(term)) {
        if (!forms.some((form) => zhCN[key].includes(form))) misses.push(`${key}: "${en[key]}" → "${zhCN[key]}" lacks ${term.zh}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('covers the core nouns in the catalogue', () => {
    for (const core of ['page', 'story']) {
      const term = GLOSSARY.find((t) => t.en === core);
      expect(term && messagesUsing(term).length, core).toBeGreaterThan(0);
    }
  });

  it('catches a message that strays from it', () => {
    const page = GLOSSARY.find((t) => t.en === 'story')!;
    expect(termPattern(page).test('Current story')).toBe(true);
    expect(termPattern(page).test('in 3 stories')).toBe(true);
    expect(termPattern(page).test('history')).toBe(false);
  });
});
