// The public surface of @kaliber/schema: the domain rules shared by the API and the console.
// Named exports only; the modules are pure (no I/O, no clock except injectable defaults).

export * from './result.js';
export * from './dates.js';
export * from './nik/province-codes.js';
export * from './nik/nik.js';
export * from './nik/nkk.js';
export * from './masking/mask.js';
export * from './voter/voter-codes.js';
export * from './voter/tms-reason.js';
export * from './eligibility/eligibility.js';
export * from './regions/region.js';
export * from './regions/jakarta-timur.js';
export * from './regions/region-aliases.js';
export * from './regions/region-catalogue.js';
export * from './regions/office-name.js';
export * from './residency/residency.js';
export * from './accounts/roles.js';
export * from './accounts/password-rules.js';
export * from './authorization/personal-data-policy.js';
export * from './registration/document-rules.js';
export * from './registration/registration-form.js';
export * from './registration/receipt-code.js';
export * from './registration/registration-stage.js';
