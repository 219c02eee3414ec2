// Field descriptions (components/forms/field-list.tsx) that many order forms share, written
// once: the optional notes, the reasons box, and the options of the questions the Act asks in
// the same words on several forms.

/** The optional free-text notes at the end of a form. */
export function notes(rows?: number, hint?: string) {
  return { textarea: 'notes' as const, label: 'Notes (optional)', rows, hint };
}

/** Two lines of optional notes: the short forms of the flow pages. */
export const NOTES_SHORT = notes(2);

/** Who may apply to the tribunal or refer a case to it (s66, s67, s68). */
export const APPLICANTS = {
  PATIENT: 'The patient',
  NEAREST_RELATIVE: 'The nearest relative',
};

/** What treatment is necessary for (s17A(5)(b), s20A(6)(b), s3(2)(c)). */
export function necessaryFor(own: boolean) {
  const whose = own ? 'the patient’s own' : 'the patient’s';
  return {
    HEALTH: `${whose} health`,
    SAFETY: `${whose} safety`,
    PROTECTION_OF_OTHERS: 'the protection of other persons',
  };
}

export const EXAMINED_ON = 'Date you examined the patient';

/** An AMHP's reasons, which the schema requires only when they do not agree. */
export const REASONS_IF_DECLINED = {
  textarea: 'reasons' as const,
  label: 'Your reasons',
  hint: 'Required if you do not agree.',
};
