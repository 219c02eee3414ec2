// The documents API's query and the links the list gives: docx or pdf (pdf when not given),
// anything else refused in plain English; forms and bundles are PDF only.
import { describe, expect, it } from 'vitest';
import { documentIdSchema, documentQuerySchema } from '@/lib/schemas/documents';
import { downloadHref, formatsForKind } from '@/lib/documents/kinds';

describe('documentQuerySchema', () => {
  it('takes docx or pdf, pdf by default', () => {
    expect(documentQuerySchema.parse({ format: 'docx' })).toEqual({ format: 'docx' });
    expect(documentQuerySchema.parse({})).toEqual({ format: 'pdf' });
  });
  it('refuses any other format in plain English', () => {
    const result = documentQuerySchema.safeParse({ format: 'rtf' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Choose the format: docx (a Word document) or pdf.',
    );
  });
  it('accepts ids made of letters, digits and hyphens only', () => {
    expect(
      documentIdSchema.safeParse('chronology-0190d3c2-0000-7000-8000-000000000000').success,
    ).toBe(true);
    expect(documentIdSchema.safeParse('../etc/passwd').success).toBe(false);
  });
});

describe('formatsForKind', () => {
  it('gives forms and bundles as PDF, everything else as PDF and Word', () => {
    expect(formatsForKind('CTO12')).toEqual(['pdf']);
    expect(formatsForKind('TRIBUNAL_BUNDLE')).toEqual(['pdf']);
    expect(formatsForKind('RC_REPORT')).toEqual(['pdf', 'docx']);
    expect(formatsForKind('CHRONOLOGY')).toEqual(['pdf', 'docx']);
    expect(downloadHref('abc', 'docx')).toBe('/api/v1/documents/abc?format=docx');
  });
});
