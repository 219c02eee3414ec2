// Journey (issue 5): the RC recalls a North patient (CTO3), the MHA office records the time
// detention began (CTO4) and the 72 hours count down, the AMHP agrees revocation in their own
// account, the RC revokes (CTO5), and the patient page shows the section 3 detention dates and
// the managers' s68(7) reference task. axe on every page visited; screenshots in /tmp/b-*.png.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/session';
import {
  as,
  fillDateTime,
  fillSocialFactors,
  londonDay,
  northPatientWithOrder,
  shiftDay,
  shot,
} from './support/part-b';

// Several people's steps on a shared embedded database: give each submission time.
test.setTimeout(720_000);

test('recall, detention and the 72 hours, AMHP agreement, revocation', async ({ browser }) => {
  const now = new Date();
  const fixture = northPatientWithOrder(shiftDay(londonDay(now), { days: -40 }));
  const { base } = fixture;

  // The RC: email service is refused with the reason; handed to the patient is served at once.
  const rc = await as(browser, 'rc.north@cto-tracker.example');
  await rc.goto(`${base}/recall`);
  await expect(rc.getByRole('heading', { name: 'Recall to hospital', level: 1 })).toBeVisible();
  await expectAccessible(rc);
  await rc.getByLabel('The patient requires treatment in hospital', { exact: false }).check();
  await rc
    .getByLabel('The grounds for your opinion')
    .fill(
      'Stopped depot three weeks ago; voices commanding harm reported by the care coordinator.',
    );
  await rc.getByLabel('Sent by email').check();
  await fillDateTime(rc, 'servedAt', new Date(now.getTime() - 40 * 60_000));
  await fillSocialFactors(rc);
  await rc.getByRole('button', { name: 'Record the recall' }).click();
  await expect(rc.getByText('There is a problem')).toBeVisible();
  await expect(rc.getByText('cannot be served by email').first()).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'recall-email-refused');
  await rc.getByLabel('Handed to the patient').check();
  await rc.getByRole('button', { name: 'Record the recall' }).click();
  await expect(rc.getByRole('heading', { name: 'Recall recorded' })).toBeVisible();
  await expect(rc.getByText('The notice counts as served').first()).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'recall-served');

  // The MHA office records CTO4: the countdown to the end of the 72 hours appears.
  const mha = await as(browser, 'mha.office@cto-tracker.example');
  await mha.goto(`${base}/recall/detention`);
  await expectAccessible(mha);
  const began = new Date(now.getTime() - 20 * 60_000);
  await fillDateTime(mha, 'detentionBeganAt', began);
  await mha.getByRole('button', { name: 'Record the time detention began' }).click();
  await expect(
    mha.getByRole('heading', { name: 'Detention recorded: the 72 hours have started' }),
  ).toBeVisible();
  await expect(mha.getByRole('timer').first()).toBeVisible();
  await expectAccessible(mha);
  await shot(mha, 'recall-detention-countdown');
  // The countdown moves: wait for the timer to show something else (no fixed sleep).
  const first = (await mha.getByRole('timer').first().textContent()) ?? '';
  await expect(mha.getByRole('timer').first()).not.toHaveText(first);

  // The RC asks the AMHP.
  await rc.goto(`${base}/revocation`);
  await expect(rc.getByRole('timer')).toBeVisible();
  await expectAccessible(rc);
  await rc.getByLabel('Approved mental health professional (AMHP)').selectOption(fixture.amhpId);
  await rc.getByRole('button', { name: 'Ask the AMHP' }).click();
  await expect(rc.getByRole('heading', { name: 'AMHP asked' })).toBeVisible();

  // The AMHP agrees, in their own account.
  const amhp = await as(browser, 'amhp@cto-tracker.example');
  await amhp.goto(`${base}/revocation/agreement`);
  await expectAccessible(amhp);
  await amhp.getByLabel('Yes, I agree').check();
  await amhp
    .getByLabel('Local social services authority you are acting on behalf of')
    .fill('Northshire County Council');
  await amhp.getByRole('button', { name: 'Record my decision' }).click();
  await expect(amhp.getByRole('heading', { name: 'Your decision is recorded' })).toBeVisible();
  await expectAccessible(amhp);
  await shot(amhp, 'revocation-amhp-agreed');

  // The RC revokes.
  await rc.goto(`${base}/revocation`);
  await rc.getByLabel('the patient’s own health').check();
  await rc
    .getByLabel('Your reasons, covering (a), (b) and (c)')
    .fill(
      'Acutely psychotic, refusing oral medication on the ward; community treatment has failed; informal admission refused.',
    );
  await rc.getByLabel('Appropriate medical treatment is available', { exact: false }).check();
  // Pre-filled from the assessment made at recall: only what changed would need typing.
  await expect(rc.getByText('Last assessed on').first()).toBeVisible();
  await rc.getByRole('button', { name: 'Revoke the order' }).click();
  await expect(rc.getByRole('heading', { name: 'Order revoked' })).toBeVisible();
  await expect(rc.getByText('Detention periods (section 20)').first()).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'revocation-done');

  // The patient page: the s3 detention dates and the s68(7) reference task.
  await rc.goto(`/patients/${fixture.patientId}`);
  await expect(
    rc.getByText('Refer the case to the tribunal after revocation').first(),
  ).toBeVisible();
  await expect(rc.getByText(/Detention \(section 3\) ends unless renewed/).first()).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'revocation-patient-page');
});
