import { describe, expect, it } from 'vitest';

import type { ImportPreview, LedgerAccount } from '../../api/types';
import {
  guessAmountStyle,
  guessDateOrder,
  initialOptions,
  mappingProblems,
  optionsOf,
} from './mapping';

const preview: ImportPreview = {
  file_name: 'bank.csv',
  format: 'bank-statement',
  encoding: 'utf-8',
  header_line: 1,
  header: ['Date', 'Description', 'Amount', 'Balance'],
  rows: [
    ['03/02/2026', 'Cafe', '-45.10', '954.90'],
    ['03/15/2026', 'Client', '500.00', '1454.90'],
  ],
  columns: { date: 0, description: 1, amount: 2, balance: 3 },
};

const bank = (full_name: string, active = true): LedgerAccount => ({
  id: 1,
  parent_id: null,
  number: '1010',
  name: 'Savings',
  full_name,
  type: 'Bank',
  classification: 'Asset',
  active,
  balance: '0.00',
  rolled_up_balance: '0.00',
});

describe('initialOptions', () => {
  it('starts from the suggested columns and 1000 Checking', () => {
    const form = initialOptions(preview, []);
    expect(form).toMatchObject({
      date: '0',
      description: '1',
      amount_mode: 'amount',
      amount: '2',
      balance: '3',
      reference: '',
      bank_account: '1000 Checking',
      date_order: 'month-first',
      amount_style: 'decimal-point',
    });
  });

  it('prefers a Bank account of the chart, and a saved mapping over both', () => {
    expect(initialOptions(preview, [bank('1010 Savings')]).bank_account).toBe('1010 Savings');
    const saved = initialOptions(
      {
        ...preview,
        saved_mapping: { date: 0, debit: 2, credit: 3, reference: 1, bank_account: '1020 Card' },
      },
      [bank('1010 Savings')],
    );
    expect(saved).toMatchObject({
      amount_mode: 'debit-credit',
      amount: '',
      debit: '2',
      credit: '3',
      description: '',
      reference: '1',
      balance: '',
      bank_account: '1020 Card',
    });
  });
});

describe('guesses', () => {
  it('reads day-first dates and decimal commas', () => {
    expect(guessDateOrder([['31/01/2026']], 0)).toBe('day-first');
    expect(guessDateOrder([['01/31/2026']], 0)).toBe('month-first');
    expect(guessAmountStyle([['-1.234,56']], [0])).toBe('decimal-comma');
    expect(guessAmountStyle([['-1,234.56']], [0])).toBe('decimal-point');
  });
});

describe('options of the upload', () => {
  it('sends a mapping with amount or with debit and credit, never both', () => {
    const form = initialOptions(preview, []);
    expect(optionsOf(form, true)).toEqual({
      date_order: 'month-first',
      amount_style: 'decimal-point',
      mapping: { date: 0, description: 1, amount: 2, balance: 3, bank_account: '1000 Checking' },
    });
    const split = { ...form, amount_mode: 'debit-credit' as const, debit: '2', credit: '3' };
    expect(optionsOf(split, true).mapping).toEqual({
      date: 0,
      description: 1,
      debit: 2,
      credit: 3,
      balance: 3,
      bank_account: '1000 Checking',
    });
    expect(optionsOf(form, false)).toEqual({
      date_order: 'month-first',
      amount_style: 'decimal-point',
    });
  });

  it('explains a missing date, amount or bank account', () => {
    const form = { ...initialOptions(preview, []), date: '', amount: '', bank_account: ' ' };
    expect(Object.keys(mappingProblems(form)).sort()).toEqual(['amount', 'bank_account', 'date']);
    const split = { ...form, date: '0', amount_mode: 'debit-credit' as const, bank_account: 'x' };
    expect(Object.keys(mappingProblems(split)).sort()).toEqual(['credit', 'debit']);
  });
});
