/**
 * Renders the transition table as Markdown for docs/domain/lifecycle.md, so the document the MHA
 * legal lead signs off is the table the code runs. tests/unit/cto/docs.test.ts fails when the two
 * differ; regenerate with:
 *   npx tsx -e "import('./lib/cto/describe.ts').then((m) => console.log(m.renderTransitionTable()))"
 * and paste the output between the GENERATED markers.
 */
import { EVENT_TYPES, TRANSITIONS, type TransitionSpec } from './transitions';
import { ROLE_LABELS, STATE_LABELS } from './types';

function code(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.map((v) => `\`${v}\``).join(', ');
}

function renderOne(type: string, spec: TransitionSpec): string {
  const lines: string[] = [];
  lines.push(`### \`${type}\`: ${spec.label}`);
  lines.push('');
  lines.push(`- Form: ${spec.form ?? 'none'}. Basis: ${spec.basis}.`);
  lines.push(
    `- Done by: ${spec.trigger === 'TIME' ? 'time passing (recorded by the system)' : spec.roles.map((r) => ROLE_LABELS[r]).join(', ')}${spec.patientsRcOnly ? ' (the patient’s own RC)' : ''}.`,
  );
  const to = spec.to === 'UNCHANGED' ? 'state unchanged' : code(spec.to);
  lines.push(`- From: ${code(spec.from)}. To: ${to}.`);
  lines.push(`- Needs the AMHP’s agreement first: ${spec.needsAmhpAgreement ? 'yes' : 'no'}.`);
  lines.push('- Preconditions:');
  for (const p of spec.preconditions) lines.push(`  - ${p}`);
  lines.push(
    `- Starts clocks: ${code(spec.startsClocks)}. Stops clocks: ${code(spec.stopsClocks)}.`,
  );
  lines.push(`- Creates tasks: ${code(spec.createsTasks)}.`);
  const refusals = Object.entries(spec.refusalsByState ?? {});
  if (refusals.length > 0) {
    lines.push(
      `- Refused in other states with: ${refusals.map(([state, c]) => `\`${state}\` → \`${String(c)}\``).join('; ')}.`,
    );
  }
  return lines.join('\n');
}

export function renderStates(): string {
  return Object.entries(STATE_LABELS)
    .map(([state, label]) => `- \`${state}\`: ${label}`)
    .join('\n');
}

export function renderTransitionTable(): string {
  return EVENT_TYPES.map((type) => renderOne(type, TRANSITIONS[type])).join('\n\n');
}
