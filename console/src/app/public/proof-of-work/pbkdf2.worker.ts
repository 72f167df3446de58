// ALTCHA's PBKDF2 solver as a worker of our own origin. The widget's default bundle starts its
// workers from blob: URLs, which the API's Content-Security-Policy (script-src 'self') refuses.
import 'altcha/workers/pbkdf2';
