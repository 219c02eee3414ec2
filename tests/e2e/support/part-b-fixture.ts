// Run with tsx by the part-B journeys (recall.spec.ts, extension.spec.ts): creates a North
// patient of their own with an order made by rc.north on the given day, in the seeded database
// (DATABASE_URL), and prints what the journey needs as JSON. A separate process because the
// factories use lib/cto, whose bank-holiday JSON the Playwright loader cannot import.
//   tsx tests/e2e/support/part-b-fixture.ts <madeOn YYYY-MM-DD>
import { formatDate, renewalWindow } from '@/lib/cto';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { addCalendarDays } from '@/lib/server/dates';
import {
  assignCareTeam,
  createLegalStatusPeriod,
  createOrder,
  createPatient,
} from '@/tests/factories';

async function main(): Promise<void> {
  const madeOn = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!madeOn || !url) throw new Error('Usage: DATABASE_URL=... tsx part-b-fixture.ts <madeOn>');
  const db = new PrismaClient({ adapter: pgAdapter(url, { max: 2 }) });
  try {
    const [rc, cc, amhp, team, hospital] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } }),
      db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } }),
      db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } }),
      db.team.findUniqueOrThrow({ where: { code: 'NORTH' } }),
      db.hospital.findUniqueOrThrow({ where: { siteCode: 'RXX01' } }),
    ]);
    const admittedOn = addCalendarDays(madeOn, -60);
    const patient = await createPatient(db, {
      trustId: team.trustId,
      teamId: team.id,
      allocatedOn: admittedOn,
    });
    await assignCareTeam(db, {
      patientId: patient.id,
      careCoordinatorId: cc.id,
      responsibleClinicianId: rc.id,
      startedOn: admittedOn,
    });
    const lsp = await createLegalStatusPeriod(db, {
      patientId: patient.id,
      legalStatusCode: '03',
      hospitalId: hospital.id,
      startAt: new Date(`${admittedOn}T14:00:00Z`),
      firstMedicationOn: addCalendarDays(admittedOn, 1),
    });
    const order = await createOrder(db, {
      patientId: patient.id,
      legalStatusPeriodId: lsp.id,
      responsibleHospitalId: hospital.id,
      responsibleClinicianId: rc.id,
      teamId: team.id,
      amhpId: amhp.id,
      proposedAt: new Date(`${addCalendarDays(madeOn, -2)}T10:00:00Z`),
      amhpRespondedAt: new Date(`${addCalendarDays(madeOn, -1)}T15:00:00Z`),
      signedAt: new Date(`${madeOn}T13:00:00Z`),
    });
    const expiry = order.periods.at(-1)?.end ?? '';
    const window = renewalWindow(expiry);
    console.log(
      JSON.stringify({
        patientId: patient.id,
        orderId: order.id,
        amhpId: amhp.id,
        base: `/patients/${patient.id}/orders/${order.id}`,
        expiry,
        expiryText: formatDate(expiry),
        windowOpens: window.opens,
        windowOpensText: formatDate(window.opens),
        beforeWindow: addCalendarDays(window.opens, -3),
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
