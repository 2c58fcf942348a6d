import { describe, expect, it } from 'vitest';
import { proposalTitle, TITLE_MAX_CHARS } from '../../../../src/core/governance/title';

describe('a proposal\'s title', () => {
  it('is the description\'s first line without Markdown heading marks', () => {
    expect(proposalTitle('# Approve the 2026 dividend\n\nPay 0.40 per share.')).toBe('Approve the 2026 dividend');
    expect(proposalTitle('### Elect Ada')).toBe('Elect Ada');
    expect(proposalTitle('Authorise a buyback\r\nUp to 5%')).toBe('Authorise a buyback');
  });

  it('skips empty and heading-only lines and trims spaces', () => {
    expect(proposalTitle('\n   \n#\n  ##   Appoint the auditor  \nKPMG')).toBe('Appoint the auditor');
  });

  it('is empty when the description has no text', () => {
    expect(proposalTitle('')).toBe('');
    expect(proposalTitle('\n#\n  ')).toBe('');
  });

  it('cuts a long first line with an ellipsis, counting characters as a reader sees them', () => {
    expect(proposalTitle('股'.repeat(TITLE_MAX_CHARS + 5))).toBe(`${'股'.repeat(TITLE_MAX_CHARS - 1)}…`);
    const family = '👨‍👩‍👧';
    expect(proposalTitle(family.repeat(TITLE_MAX_CHARS))).toBe(family.repeat(TITLE_MAX_CHARS));
    expect(proposalTitle(family.repeat(TITLE_MAX_CHARS + 1))).toBe(`${family.repeat(TITLE_MAX_CHARS - 1)}…`);
  });
});
