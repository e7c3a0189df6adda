import { describe, expect, it } from 'vitest';
import {
  MESSAGES,
  isMessageCode,
  messageParamNames,
  messageText,
  type CodedMessage,
  type MessageCode,
} from './messages';

// Every code the server may send is a key of the registry (the store and the server name codes by
// the registry's type, so an unknown one does not compile); these tests walk the registry itself.

const codes = Object.keys(MESSAGES) as MessageCode[];

describe('message registry', () => {
  it('holds the codes of the bed-status, movement, access, returns and file messages', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'bedStatus.occupiedAboveOpen',
        'stay.departureBeforeAdmission',
        'access.notThisHospice',
        'access.csrf',
        'return.flowUnbalanced',
        'csv.columnMissing',
      ]),
    );
    expect(codes.length).toBeGreaterThan(100);
  });

  it.each(codes)('%s has a Dutch and an English text', (code) => {
    const { nl, en } = MESSAGES[code];
    expect(nl.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
  });

  it.each(codes)('%s names the same parameters in Dutch and English', (code) => {
    expect(messageParamNames(code, 'en').sort()).toEqual(messageParamNames(code, 'nl').sort());
  });

  it('codes are <namespace>.<name> in camelCase', () => {
    expect(codes.filter((code) => !/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/.test(code))).toEqual([]);
  });

  it('messageText fills the parameters in the language asked, and leaves a missing one visible', () => {
    expect(messageText('stay.unusuallyLong', { days: 400, limit: 365 }, 'nl')).toBe(
      'een verblijf van 400 dagen is ongewoon lang (meer dan 365)',
    );
    expect(messageText('account.unknownRegion', {}, 'en')).toContain('{region}');
  });

  it('isMessageCode tells a registry code from other text', () => {
    expect(isMessageCode('access.csrf')).toBe(true);
    expect(isMessageCode('access.nothing')).toBe(false);
    expect(isMessageCode('toString')).toBe(false);
    expect(isMessageCode(3)).toBe(false);
  });

  it('an unknown code or a missing parameter does not compile', () => {
    // @ts-expect-error: not a code of the registry
    const unknown: CodedMessage = { code: 'access.nothing' };
    // @ts-expect-error: the text needs {days} and {limit}
    const missing: CodedMessage = { code: 'stay.unusuallyLong', params: { days: 3 } };
    const fine: CodedMessage = { code: 'stay.unusuallyLong', params: { days: 3, limit: 2 } };
    expect([unknown, missing, fine]).toHaveLength(3);
  });
});
