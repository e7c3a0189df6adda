import { describe, expect, it } from 'vitest';
import { MESSAGES, messageText, type MessageCode } from '@palliamonitor/contracts';
import { en } from './en';
import { nl } from './nl';

// The interface words a server message from the registry: for every code in it, both dictionaries
// have its text, the same as the registry's.

const codes = Object.keys(MESSAGES) as MessageCode[];

describe('server messages in the interface', () => {
  it.each(codes)('problem.%s is worded in Dutch and English as the registry words it', (code) => {
    expect(nl[`problem.${code}`]).toBe(messageText(code, {}, 'nl'));
    expect(en[`problem.${code}`]).toBe(messageText(code, {}, 'en'));
  });
});
