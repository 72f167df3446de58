// ALTCHA's SHA solver as a worker of our own origin (see pbkdf2.worker.ts for why).
import 'altcha/workers/sha';
