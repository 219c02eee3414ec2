import 'server-only';
// What a recorded statutory form says, read back from the database: the form row's facts and
// the rows the same step wrote (the order, its agreement, the recall, the revocation, the
// extension, the certificate, the hospitals and people by name). Values for
// lib/documents/statutory-forms. The caller has already checked that the form is in scope.
import type { Db, Tx } from '@/lib/server/db';
import type { StatutoryFormType } from '@/lib/generated/prisma/client';
import type { FormValues } from '@/lib/documents/statutory-forms/layouts';
import { formatDate } from '@/lib/format';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';

type Client = Db | Tx;
type Facts = Record<string, unknown>;

const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});

const day = (d: Date | null | undefined) => (d ? formatDate(londonDateOf(d)) : null);
const dbDay = (d: Date | null | undefined) => (d ? formatDate(fromDbDate(d)) : null);
const time = (d: Date | null | undefined) => (d ? TIME.format(d) : null);

function obj(v: unknown): Facts {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Facts) : {};
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}
function instant(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
function isoDay(v: unknown): string | null {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? formatDate(s.slice(0, 10)) : null;
}
/** Both spellings the services used ('health', 'PROTECTION_OF_OTHERS') as the layout's values. */
function necessaryFor(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase().replace(/_/g, ' '));
}

/** CTO7 Part 3 / CTO8: how the report was furnished, from the words the service stored. */
function furnishingChoice(words: string | null): string[] {
  if (!words) return [];
  if (words.startsWith('today consigning')) return ['internal mail'];
  if (words.includes('electronic communication')) return ['electronic'];
  if (words.startsWith('sending or delivering')) return ['other'];
  return [];
}

interface Person {
  name: string;
  email: string;
  jobTitle: string | null;
}
function personLine(p: Person | null, where: string | null, withEmail = true): string | null {
  if (!p) return null;
  return [p.name, p.jobTitle, where, withEmail ? p.email : null].filter(Boolean).join(', ');
}
function hospitalLine(h: { name: string; address: string | null } | null): string | null {
  return h ? [h.name, h.address].filter(Boolean).join(', ') : null;
}

const personSelect = { name: true, email: true, jobTitle: true } as const;
const hospitalSelect = { name: true, address: true, managersName: true } as const;

/** The form row with everything its layout asks for; null when there is no such form. */
export async function statutoryFormValues(
  client: Client,
  formId: string,
): Promise<{ type: StatutoryFormType; values: FormValues } | null> {
  const form = await client.statutoryForm.findUnique({
    where: { id: formId },
    include: {
      patient: {
        select: {
          givenName: true,
          familyName: true,
          addressLine1: true,
          addressLine2: true,
          town: true,
          postcode: true,
        },
      },
      order: {
        select: {
          id: true,
          madeOn: true,
          signedAt: true,
          effectiveAt: true,
          responsibleHospital: { select: hospitalSelect },
          responsibleClinician: { select: personSelect },
        },
      },
    },
  });
  if (!form) return null;
  const facts = obj(form.facts);
  const p = form.patient;
  const patientName = `${p.givenName} ${p.familyName}`;
  const patient = [patientName, p.addressLine1, p.addressLine2, p.town, p.postcode]
    .filter(Boolean)
    .join(', ');
  const signer = form.signedById
    ? await client.user.findUnique({ where: { id: form.signedById }, select: personSelect })
    : null;
  const receiver = form.receivedById
    ? await client.user.findUnique({ where: { id: form.receivedById }, select: personSelect })
    : null;
  const order = form.order;
  const responsibleHospital = order?.responsibleHospital ?? null;
  const rcPerson = signer ?? order?.responsibleClinician ?? null;
  const rc = personLine(rcPerson, hospitalLine(responsibleHospital));
  const base: FormValues = {
    patient,
    patientName,
    rc,
    hospital: hospitalLine(responsibleHospital),
    rcSigned: rcPerson?.name ?? null,
    rcSignedOn: day(form.signedAt),
    rcSignedTime: time(form.signedAt),
    receivedOn: day(form.receivedAt),
    receivedSigned: receiver?.name ?? null,
    receivedSignedOn: day(form.receivedAt),
  };

  const amhpOf = async (where: {
    formId?: string;
    orderId?: string;
    purpose?: 'MAKING' | 'EXTENSION' | 'REVOCATION' | 'AWOL_EXTENSION';
    extensionId?: string;
    id?: string;
  }) => {
    const a = await client.amhpAgreement.findFirst({
      where: { ...where, enteredInErrorAt: null, decision: 'AGREED' },
      orderBy: { respondedAt: 'desc' },
      select: { respondedAt: true, amhp: { select: personSelect } },
    });
    if (!a) return {};
    return {
      amhp: personLine(a.amhp, null),
      amhpAuthority: null,
      amhpApprovedBy: null,
      amhpSigned: a.amhp.name,
      amhpSignedOn: day(a.respondedAt),
    } satisfies FormValues;
  };

  switch (form.type) {
    case 'CTO1': {
      const part1 = obj(facts.part1);
      const conditions = Array.isArray(part1.discretionaryConditions)
        ? part1.discretionaryConditions.map((c) => str(obj(c).wording)).filter(Boolean)
        : [];
      const amhp = order ? await amhpOf({ orderId: order.id, purpose: 'MAKING' }) : {};
      const effectiveAt = order?.effectiveAt ?? instant(facts.effectiveAt);
      return {
        type: form.type,
        values: {
          ...base,
          rcSigned: str(part1.responsibleClinicianName) ?? base.rcSigned,
          necessaryFor: necessaryFor(part1.necessaryFor),
          grounds: str(part1.grounds),
          conditions: conditions.length
            ? (conditions as string[]).map((c, i) => `${i + 1}. ${c}`)
            : 'None.',
          ...amhp,
          effectiveOn: day(effectiveAt),
          effectiveTime: time(effectiveAt),
          part3Signed: order?.signedAt ? (rcPerson?.name ?? null) : null,
          part3SignedOn: day(order?.signedAt ?? null),
        },
      };
    }
    case 'CTO2': {
      const varied = Array.isArray(facts.conditionsAsVaried)
        ? facts.conditionsAsVaried
            .map((c) => (typeof c === 'string' ? c : str(obj(c).wording)))
            .filter((c): c is string => Boolean(c))
        : [];
      const change = str(facts.change);
      const variation = [
        change ? `Change: ${change.toLowerCase().replace(/_/g, ' ')}` : null,
        str(facts.previousWording) ? `Was: ${str(facts.previousWording)}` : null,
        str(facts.newWording) ? `Now: ${str(facts.newWording)}` : null,
      ].filter((s): s is string => s !== null);
      return {
        type: form.type,
        values: {
          ...base,
          conditionsAsVaried: varied.length
            ? varied.map((c, i) => `${i + 1}. ${c}`)
            : 'All conditions made under section 17B(2) are rescinded.',
          variation,
          reasons: str(facts.reasons),
          effectiveOn: day(form.signedAt),
        },
      };
    }
    case 'CTO3': {
      const recall = await client.recall.findFirst({
        where: { cto3FormId: form.id },
        select: {
          ground: true,
          reasons: true,
          hospital: { select: hospitalSelect },
          serviceMethod: true,
          servedOrPostedAt: true,
          deemedServedAt: true,
          noticeSignedAt: true,
        },
      });
      const ground = recall?.ground ?? str(facts.ground);
      const signedAt = recall?.noticeSignedAt ?? form.signedAt;
      const served = recall?.servedOrPostedAt ?? instant(facts.servedOrPostedAt);
      const deemed = recall?.deemedServedAt ?? instant(facts.deemedServedAt);
      const method = recall?.serviceMethod ?? str(facts.serviceMethod);
      return {
        type: form.type,
        values: {
          ...base,
          hospital: hospitalLine(recall?.hospital ?? null) ?? str(facts.hospitalName),
          ground: ground === 'RISK_OF_HARM' ? ['risk'] : ground ? ['failure to be examined'] : [],
          grounds: ground === 'RISK_OF_HARM' ? (recall?.reasons ?? str(facts.reasons)) : null,
          rcSignedOn: day(signedAt),
          rcSignedTime: time(signedAt),
          service: [
            method ? `Served by: ${method.toLowerCase().replace(/_/g, ' ')}` : null,
            served ? `Served or posted: ${day(served)} at ${time(served)}` : null,
            deemed ? `Counts as served: ${day(deemed)} at ${time(deemed)}` : null,
          ].filter((s): s is string => s !== null),
        },
      };
    }
    case 'CTO4': {
      const recall = await client.recall.findFirst({
        where: { cto4FormId: form.id },
        select: { detentionBeganAt: true, hospital: { select: hospitalSelect } },
      });
      const hospitalId = str(facts.hospitalId);
      const hospital = hospitalId
        ? await client.hospital.findUnique({ where: { id: hospitalId }, select: hospitalSelect })
        : (recall?.hospital ?? null);
      const began = instant(facts.detentionBeganAt) ?? recall?.detentionBeganAt ?? null;
      return {
        type: form.type,
        values: {
          ...base,
          hospital: hospitalLine(hospital) ?? str(facts.hospitalName),
          detainedOn: day(began),
          detainedTime: time(began),
          managersSigned: signer?.name ?? null,
          managersSignedOn: day(form.signedAt),
          managersSignedTime: time(form.signedAt),
        },
      };
    }
    case 'CTO5': {
      const part1 = obj(facts.part1);
      const part3 = obj(facts.part3);
      const revocation = await client.revocation.findFirst({
        where: { OR: [{ cto5FormId: form.id }, ...(order ? [{ orderId: order.id }] : [])] },
        select: {
          revokedAt: true,
          rcReasons: true,
          hospital: { select: hospitalSelect },
          amhpAgreementId: true,
          recall: { select: { detentionBeganAt: true } },
        },
      });
      const detained = instant(part3.detainedSince) ?? revocation?.recall.detentionBeganAt ?? null;
      const revokedAt = instant(part3.revokedAt) ?? revocation?.revokedAt ?? form.signedAt;
      // An imported revocation has no AMHP agreement on record (decision 813).
      const amhp = revocation?.amhpAgreementId
        ? await amhpOf({ id: revocation.amhpAgreementId })
        : order
          ? await amhpOf({ orderId: order.id, purpose: 'REVOCATION' })
          : {};
      return {
        type: form.type,
        values: {
          ...base,
          hospital: hospitalLine(revocation?.hospital ?? null) ?? str(part1.hospitalName),
          necessaryFor: necessaryFor(part1.necessaryFor),
          reasons: str(part1.reasons) ?? revocation?.rcReasons ?? null,
          ...amhp,
          detainedOn: day(detained),
          detainedTime: time(detained),
          part3Signed: rcPerson?.name ?? null,
          part3SignedOn: day(revokedAt),
        },
      };
    }
    case 'CTO6': {
      const transfer = await client.recallTransfer.findFirst({
        where: { cto6FormId: form.id },
        select: {
          transferredAt: true,
          fromHospital: { select: hospitalSelect },
          toHospital: { select: hospitalSelect },
        },
      });
      const fromId = str(facts.fromHospitalId);
      const from =
        transfer?.fromHospital ??
        (fromId
          ? await client.hospital.findUnique({ where: { id: fromId }, select: hospitalSelect })
          : null);
      const at = transfer?.transferredAt ?? instant(facts.transferredAt);
      return {
        type: form.type,
        values: {
          ...base,
          fromHospital: hospitalLine(from),
          toHospital: hospitalLine(transfer?.toHospital ?? null) ?? str(facts.toHospitalName),
          authoritySigned: signer?.name ?? null,
          authoritySignedOn: day(form.signedAt),
          admittedAt: at ? `${day(at)} at ${time(at)}` : null,
          admissionSigned: null,
          admissionSignedOn: null,
        },
      };
    }
    case 'CTO7': {
      const part1 = obj(facts.part1);
      const part3 = obj(facts.part3);
      const extension = await client.extension.findFirst({
        where: { cto7FormId: form.id },
        select: {
          id: true,
          examinedOn: true,
          rcReasons: true,
          consulteeName: true,
          consulteeRole: true,
          managersReceivedAt: true,
          managersReceivedById: true,
        },
      });
      const examination =
        order && extension
          ? await client.ctoEvent.findFirst({
              where: {
                orderId: order.id,
                type: 'EXAMINE_FOR_EXTENSION',
                enteredInErrorAt: null,
                occurredAt: { lte: form.createdAt },
              },
              orderBy: { occurredAt: 'desc' },
              select: { facts: true },
            })
          : null;
      const amhp = extension
        ? await amhpOf({ extensionId: extension.id, purpose: 'EXTENSION' })
        : {};
      const consultee = str(part3.consultee) ?? extension?.consulteeName ?? null;
      const profession = str(part3.consulteeProfession) ?? extension?.consulteeRole ?? null;
      const receivedAt = form.receivedAt ?? extension?.managersReceivedAt ?? null;
      const receivedBy =
        receiver ??
        (extension?.managersReceivedById
          ? await client.user.findUnique({
              where: { id: extension.managersReceivedById },
              select: personSelect,
            })
          : null);
      return {
        type: form.type,
        values: {
          ...base,
          orderMadeOn: isoDay(part1.orderMadeOn) ?? dbDay(order?.madeOn ?? null),
          examinedOn: isoDay(part1.examinedOn) ?? dbDay(extension?.examinedOn ?? null),
          necessaryFor: necessaryFor(obj(examination?.facts).necessaryFor),
          grounds: str(part1.grounds) ?? extension?.rcReasons ?? null,
          ...amhp,
          consultee: [consultee, profession].filter(Boolean).join(', ') || null,
          furnishedBy: furnishingChoice(str(part3.furnishedBy)),
          part3Signed: rcPerson?.name ?? null,
          part3SignedOn: day(instant(part3.signedAt) ?? form.furnishedAt),
          receivedBy: receivedAt ? ['by hand'] : [],
          receivedOn: day(receivedAt),
          receivedSigned: receivedBy?.name ?? null,
          receivedSignedOn: day(receivedAt),
        },
      };
    }
    case 'CTO8': {
      const part1 = obj(facts.part1);
      const amhpId = str(part1.amhpId);
      const amhp = amhpId
        ? await client.user.findUnique({ where: { id: amhpId }, select: personSelect })
        : null;
      return {
        type: form.type,
        values: {
          ...base,
          examinedOn: isoDay(part1.examinedOn),
          grounds: str(part1.grounds),
          amhp: amhp
            ? `${personLine(amhp, null)}; agreed ${day(instant(part1.amhpAgreedAt)) ?? ''}`.trim()
            : null,
          newExpiry: isoDay(facts.newExpiry),
          // How it was furnished is not recorded for CTO8: the form says so.
          furnishedBy: furnishingChoice(str(part1.furnishedBy)),
          receivedBy: form.receivedAt ? ['by hand'] : [],
        },
      };
    }
    case 'CTO9':
      return {
        type: form.type,
        values: { ...base, conditions: str(facts.conditions) },
      };
    case 'CTO10': {
      const assignment = await client.responsibilityAssignment.findFirst({
        where: { cto10FormId: form.id },
        select: {
          assignedAt: true,
          fromHospital: { select: hospitalSelect },
          toHospital: { select: hospitalSelect },
        },
      });
      return {
        type: form.type,
        values: {
          ...base,
          fromHospital:
            hospitalLine(assignment?.fromHospital ?? null) ?? str(facts.fromHospitalName),
          toHospital: hospitalLine(assignment?.toHospital ?? null) ?? str(facts.toHospitalName),
          agreedOn: isoDay(facts.receivingManagersAgreedOn),
          assignedOn: isoDay(facts.assignmentOn) ?? day(assignment?.assignedAt ?? null),
          notes: str(facts.notes),
          managersSigned: signer?.name ?? null,
          managersSignedOn: day(form.signedAt),
        },
      };
    }
    case 'CTO11':
    case 'CTO12': {
      const cert = await client.treatmentCertificate.findFirst({
        where: { formId: form.id },
        select: {
          certifierName: true,
          givenOn: true,
          treatments: true,
          includesEct: true,
          appliesOnRecall: true,
          onRecallTreatments: true,
          consultees: true,
        },
      });
      const certifier = cert?.certifierName ?? str(facts.certifierName);
      const ect =
        cert?.includesEct ?? (typeof facts.includesEct === 'boolean' ? facts.includesEct : null);
      return {
        type: form.type,
        values: {
          ...base,
          certifier,
          consultees: cert?.consultees ?? str(facts.consultees),
          treatments: cert?.treatments ?? str(facts.treatments),
          includesEct: ect === null ? null : ect ? 'Yes' : 'No',
          onRecall:
            (cert?.appliesOnRecall ?? facts.appliesOnRecall === true)
              ? (cert?.onRecallTreatments ?? str(facts.onRecallTreatments))
              : 'None',
          capacityAndConsent: str(facts.capacityAndConsent),
          givenOn: dbDay(cert?.givenOn ?? null) ?? isoDay(facts.givenOn),
          certifierSigned: certifier,
          certifierSignedOn: dbDay(cert?.givenOn ?? null) ?? isoDay(facts.givenOn),
        },
      };
    }
    default:
      return { type: form.type, values: base };
  }
}
