import { maskNik, parseNik, type RegionCatalogue } from '@kaliber/schema';

import type { AuditLog } from '../audit/audit-log.js';
import { hashPersonalValue } from '../audit/personal-value-hash.js';
import type { PublicServicesConfig } from '../config/config.js';
import { DomainError } from '../errors/domain-error.js';
import { type PublicGate, type PublicRequest, sourceOf } from './public-gate.js';
import type { ScanDetector } from './scan-detector.js';
import type { VoterPresence } from './voter-presence.js';

/** The public answer: the same three fields whether the NIK is found or not. */
export interface CekNikResult {
  readonly terdaftar: boolean;
  readonly nikMasked: string;
  readonly kelurahan: string | null;
}

export interface CekNikDependencies {
  readonly settings: PublicServicesConfig;
  readonly regions: RegionCatalogue;
  readonly presence: VoterPresence;
  readonly gate: PublicGate;
  readonly scanDetector: ScanDetector;
  readonly audit: AuditLog;
  /** Key of the NIK hashes in the lookup log and rate-limit counters. */
  readonly nikHashKey: Buffer;
}

/**
 * Cek NIK (DESIGN §4.1). One path for found and not found: the same admission, the same single
 * indexed query, the same log write, the same answer shape; only `terdaftar` differs (and the
 * kelurahan, when the deployment turns that on). Both the GraphQL resolver and the dedicated
 * HTTP path call `check`, so they cannot drift apart.
 */
export class CekNikService {
  constructor(private readonly deps: CekNikDependencies) {}

  async check(
    nikText: string,
    proofOfWork: string | null | undefined,
    request: PublicRequest,
  ): Promise<CekNikResult> {
    const { gate, settings } = this.deps;
    const parsed = parseNik(nikText);
    if (!parsed.ok) {
      // An invalid NIK reveals nothing, but it still spends the client's budget: otherwise a
      // flood of junk would cost the server for free.
      await gate.admit('CEK_NIK', request, null, proofOfWork);
      gate.note('CEK_NIK', request, null, 'INVALID');
      throw new DomainError('BAD_USER_INPUT', parsed.error.message, [
        { field: 'nik', code: parsed.error.code, message: parsed.error.message },
      ]);
    }

    const { nik } = parsed.value;
    const nikHash = hashPersonalValue(this.deps.nikHashKey, nik);
    await gate.admit('CEK_NIK', request, nikHash, proofOfWork);

    const kelurahanCode = await this.deps.presence.kelurahanOf(nik);
    const terdaftar = kelurahanCode !== null;
    gate.note('CEK_NIK', request, nikHash, terdaftar ? 'FOUND' : 'NOT_FOUND');
    this.watchForScans(nik, request);

    return {
      terdaftar,
      nikMasked: maskNik(nik, settings.nikMask),
      kelurahan:
        settings.showsKelurahan && kelurahanCode !== null
          ? (this.deps.regions.get(kelurahanCode)?.name ?? null)
          : null,
    };
  }

  // A walk over consecutive serials or birth dates is how a leaked list is confirmed record by
  // record; the limits slow it down, the alert tells staff it is happening.
  private watchForScans(nik: string, request: PublicRequest): void {
    const alert = this.deps.scanDetector.observe(request.clientIp, nik);
    if (!alert) return;

    request.log.warn(
      { pattern: alert.pattern, count: alert.count, clientIp: request.clientIp },
      'public lookup scan suspected',
    );
    // Not awaited: the answer must not wait on (or reveal) the alert. A failed write is logged.
    this.deps.audit
      .record(sourceOf(request), [
        {
          action: 'PUBLIC_LOOKUP_SCAN_SUSPECTED',
          outcome: 'DENIED',
          detail: { pattern: alert.pattern, count: alert.count },
        },
      ])
      .catch((error: unknown) => {
        request.log.error(
          { err: error instanceof Error ? { name: error.name } : {} },
          'scan alert could not be audited',
        );
      });
  }
}
