/**
 * The product's CtoEndReason -> MHSDS `MHS404CommTreatOrder.CommTreatOrdEndReason`.
 *
 * Only two national codes are confirmed (shared/domain/codes.md section 3, from NHS England's MHA
 * annual statistics pipeline): '01' discharged from CTO and '02' CTO revoked. The full NHS Data
 * Dictionary code list for COMMUNITY TREATMENT ORDER END REASON was NOT obtained, so every other
 * end reason maps to null (to be completed from
 * https://www.datadictionary.nhs.uk/attributes/community_treatment_order_end_reason.html before
 * any MHSDS submission). Do not invent codes.
 */
import type { CtoEndReason } from '@/lib/generated/prisma/enums';

export type MhsdsCtoEndReasonCode = '01' | '02';

export const MHSDS_CTO_END_REASON_LABELS: Record<MhsdsCtoEndReasonCode, string> = {
  '01': 'Discharged from community treatment order',
  '02': 'Community treatment order revoked',
};

export const CTO_END_REASON_TO_MHSDS: Record<CtoEndReason, MhsdsCtoEndReasonCode | null> = {
  // s23(2)(c) and s72(1)(c): discharge by every route counts as "Discharges from CTO".
  DISCHARGED_BY_RESPONSIBLE_CLINICIAN: '01',
  DISCHARGED_BY_HOSPITAL_MANAGERS: '01',
  DISCHARGED_BY_NEAREST_RELATIVE: '01',
  DISCHARGED_BY_TRIBUNAL: '01',
  // s17F(4): "Revocations of CTO".
  REVOKED: '02',
  // Code list not obtained: the national codes for these were not verified.
  EXPIRED: null,
  DIED: null,
  UNDERLYING_AUTHORITY_ENDED: null,
  CUSTODY_OVER_SIX_MONTHS: null,
  NOT_EXTENDED_AFTER_AWOL: null,
};

export function mhsdsCtoEndReason(reason: CtoEndReason): MhsdsCtoEndReasonCode | null {
  return CTO_END_REASON_TO_MHSDS[reason];
}
