// The MHA office's register (issue 8): filter it to a patient of this journey's own, download the
// CSV and the XLSX and read them back, and check the data-quality list; axe on both pages.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expectAccessible, signIn } from './support/session';
import { withFactories } from './support/factories';

test.describe.configure({ timeout: 480_000 });

test('the MHA office filters the register and downloads it as CSV and XLSX', async ({ page }) => {
  const own = withFactories<{ familyName: string; givenName: string }>(`
    const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
    const hospital = await db.hospital.findFirstOrThrow();
    const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
    const familyName = 'Registerson' + f.unique().replace(/[^a-z0-9]/gi, '');
    const patient = await f.createPatient(db, {
      trustId: team.trustId, teamId: team.id, givenName: '=Formula', familyName,
    });
    const lsp = await f.createLegalStatusPeriod(db, {
      patientId: patient.id, hospitalId: hospital.id, startAt: new Date(Date.now() - 90 * 86400000),
    });
    await f.createOrder(db, {
      patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id,
      responsibleClinicianId: rc.id, teamId: team.id, amhpId: rc.id,
      proposedAt: new Date(Date.now() - 30 * 86400000),
    });
    return { familyName, givenName: patient.givenName };
  `);

  await signIn(page, 'mha.office@cto-tracker.example');
  await page.getByRole('link', { name: 'Register', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name or NHS number').fill(own.familyName);
  await page.getByLabel('State').selectOption('in-force');
  await page.getByRole('button', { name: 'Filter the register' }).click();
  await expect(page.getByRole('status')).toHaveText('1 order match. Page 1 of 1.');
  await expect(
    page.getByRole('link', { name: `${own.familyName.toUpperCase()}, ${own.givenName}` }),
  ).toBeVisible();
  await expectAccessible(page);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as CSV' }).click(),
  ]);
  const csv = parse(readFileSync(await csvDownload.path(), 'utf8'), { bom: true }) as string[][];
  expect(csv).toHaveLength(2);
  expect(csv[0]?.slice(0, 4)).toEqual(['NHS number', 'Local ID', 'Family name', 'Given name']);
  expect(csv[1]?.[2]).toBe(own.familyName);
  expect(csv[1]?.[3]).toBe("'=Formula");

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download as Excel (XLSX)' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsxDownload.path());
  const sheet = workbook.getWorksheet('Register');
  expect(sheet?.rowCount).toBe(2);
  expect(sheet?.getRow(2).getCell(3).value).toBe(own.familyName);
  expect(sheet?.getRow(2).getCell(4).value).toBe("'=Formula");

  await page.getByRole('link', { name: 'Check the register’s data quality' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Register data quality' }),
  ).toBeVisible();
  await expect(page.getByRole('status')).toBeVisible();
  await expectAccessible(page);
});
