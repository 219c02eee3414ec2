// npm run cis2:stand-in: a stand-in NHS CIS2 (a real OpenID Connect provider) on localhost, to
// try sign-in with CIS2 by hand. It knows the people in tests/support/cis2-users.ts and prints
// the settings to start CTO Tracker with. Ctrl-C stops it.
import { startCis2Provider } from '../tests/support/cis2-provider.ts';
import { CIS2_TEST_CLIENT, CIS2_TEST_ROLE_MAP, CIS2_USERS } from '../tests/support/cis2-users.ts';

const port = Number(process.env.CIS2_STAND_IN_PORT ?? 4010);
const app = new URL(process.env.APP_URL ?? 'http://localhost:3000').origin;
const alternate = app.includes('localhost')
  ? app.replace('localhost', '127.0.0.1')
  : app.replace('127.0.0.1', 'localhost');
const provider = await startCis2Provider({
  port,
  ...CIS2_TEST_CLIENT,
  appOrigins: [app, alternate],
  users: Object.values(CIS2_USERS),
});
console.log(`CIS2 stand-in at ${provider.issuer}, for CTO Tracker at ${app}. Start CTO Tracker with:

  OIDC_ISSUER=${provider.issuer} OIDC_CLIENT_ID=${CIS2_TEST_CLIENT.clientId} \\
  OIDC_CLIENT_SECRET=${CIS2_TEST_CLIENT.clientSecret} \\
  OIDC_ROLE_MAP='${CIS2_TEST_ROLE_MAP}' npm start

CIS2 user ids it knows:`);
for (const user of Object.values(CIS2_USERS)) {
  console.log(`  ${user.uid}  ${user.email}  acr ${user.acr}`);
}
process.on('SIGINT', () => void provider.stop().then(() => process.exit(0)));
