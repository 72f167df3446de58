import { CreateRegionsAndVoters1764700000000 } from './1764700000000-create-regions-and-voters.js';
import { CreateAccountsSessionsAudit1764800000000 } from './1764800000000-create-accounts-sessions-audit.js';
import { CreatePublicServices1764900000000 } from './1764900000000-create-public-services.js';

/** Every migration, oldest first. A new migration is added here and never edited afterwards. */
export const migrations = [
  CreateRegionsAndVoters1764700000000,
  CreateAccountsSessionsAudit1764800000000,
  CreatePublicServices1764900000000,
];
