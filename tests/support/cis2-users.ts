// The people the CIS2 stand-in knows, for the end-to-end tests and for trying sign-in by hand
// (npm run cis2:stand-in). Their email addresses are the demo accounts' (prisma/seed.ts), so
// that the first sign-in links each to the local account by email.
import type { Cis2TestUser } from './cis2-provider.ts';

export const CIS2_TEST_CLIENT = {
  clientId: 'cto-tracker-test',
  clientSecret: 'stand-in-secret-0123456789',
};

/** The role map the tests run with: R8000 (clinical practitioner) and R8003 mapped. */
export const CIS2_TEST_ROLE_MAP = JSON.stringify({
  R8000: ['RESPONSIBLE_CLINICIAN'],
  R8003: ['CARE_COORDINATOR'],
});

export const CIS2_USERS = {
  /** The North responsible clinician, at AAL3 with the mapped role R8000 selected. */
  rc: {
    uid: '555000000101',
    email: 'rc.north@cto-tracker.example',
    name: 'Rita North',
    roles: [
      {
        person_roleid: '555000000101-1',
        role_code: 'S8000:G8000:R8000',
        org_code: 'RX4',
        role_name: 'Clinical Practitioner Access Role',
      },
    ],
    selectedRoleId: '555000000101-1',
    acr: 'AAL3_ANY',
  },
  /** The South care coordinator, who selects a role that maps to nothing here (R8001). */
  unmapped: {
    uid: '555000000102',
    email: 'coordinator.south@cto-tracker.example',
    name: 'Sam South',
    roles: [
      {
        person_roleid: '555000000102-1',
        role_code: 'S8000:G8000:R8003',
        org_code: 'RX4',
        role_name: 'Health Professional Access Role',
      },
      {
        person_roleid: '555000000102-2',
        role_code: 'S8000:G8000:R8001',
        org_code: 'RX4',
        role_name: 'Nurse Access Role',
      },
    ],
    selectedRoleId: '555000000102-2',
    acr: 'AAL3_ANY',
  },
  /** The AMHP, signing in with an AAL2 authenticator where AAL3 is required. */
  lowAssurance: {
    uid: '555000000103',
    email: 'amhp@cto-tracker.example',
    name: 'Alex Amhp',
    roles: [
      {
        person_roleid: '555000000103-1',
        role_code: 'S8000:G8000:R8000',
        org_code: 'RX4',
        role_name: 'Clinical Practitioner Access Role',
      },
    ],
    selectedRoleId: '555000000103-1',
    acr: 'AAL2_ANY',
  },
} satisfies Record<string, Cis2TestUser>;
