import type { AuditLog, AuditSource } from '../audit/audit-log.js';
import { DomainError } from '../errors/domain-error.js';
import type { Logger } from '../logging/logger.js';
import type { LookupOutcome, PublicLookupLog } from './lookup-log.js';
import type { ProofOfWork } from './proof-of-work.js';
import type { PublicAction, PublicRateLimiter } from './public-rate-limiter.js';

/** Who is asking, as far as a public request can tell: the client address and the request id. */
export interface PublicRequest {
  readonly clientIp: string;
  readonly requestId: string;
  readonly log: Logger;
}

/**
 * The admission of every public request (DESIGN §6.3): the shared rate limits first (in
 * memory, cheapest), then the proof of work when the deployment requires one. A refusal is
 * written to the lookup log; the first refusal of a limit in its window is also audited, so
 * a flood leaves one audit entry per trip rather than one per request.
 */
export class PublicGate {
  constructor(
    private readonly limiter: PublicRateLimiter,
    private readonly proofOfWork: ProofOfWork | null,
    private readonly lookupLog: PublicLookupLog,
    private readonly audit: AuditLog,
  ) {}

  async admit(
    action: PublicAction,
    request: PublicRequest,
    nikHash: string | null,
    proofOfWork: string | null | undefined,
  ): Promise<void> {
    const decision = this.limiter.consume(action, request.clientIp, nikHash);
    if (!decision.allowed) {
      this.note(action, request, nikHash, 'LIMITED');
      if (decision.isFirstRefusal) {
        request.log.warn(
          { action, scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds },
          'public rate limit tripped',
        );
        await this.audit.record(sourceOf(request), [
          {
            action: 'PUBLIC_RATE_LIMIT_TRIPPED',
            outcome: 'DENIED',
            detail: {
              publicAction: action,
              scope: decision.scope,
              retryAfterSeconds: decision.retryAfterSeconds,
              ...(decision.scope === 'NIK' ? { nikHash } : {}),
            },
          },
        ]);
      }
      throw rateLimited(decision.retryAfterSeconds);
    }

    if (this.proofOfWork) {
      const verdict = await this.proofOfWork.verify(proofOfWork);
      if (verdict !== 'VALID') {
        this.note(action, request, nikHash, 'CHALLENGE_FAILED');
        throw new DomainError(
          'PROOF_OF_WORK_FAILED',
          verdict === 'MISSING'
            ? 'Selesaikan verifikasi anti-robot terlebih dahulu'
            : 'Verifikasi anti-robot tidak berlaku lagi; ulangi verifikasi lalu kirim kembali',
          undefined,
          { reason: verdict },
        );
      }
    }
  }

  /** Records a public lookup in the lookup log (batched; never the NIK itself). */
  note(
    action: PublicAction,
    request: PublicRequest,
    nikHash: string | null,
    outcome: LookupOutcome,
  ): void {
    this.lookupLog.record({
      action,
      nikHash,
      clientIp: request.clientIp,
      requestId: request.requestId,
      outcome,
    });
  }
}

/** The audit source of a public request: no actor, the client address and the request id. */
export function sourceOf(request: PublicRequest): AuditSource {
  return { actor: null, clientIp: request.clientIp, requestId: request.requestId };
}

function rateLimited(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'RATE_LIMITED',
    `Terlalu banyak permintaan. Coba lagi dalam ${minutes} menit.`,
    undefined,
    { retryAfterSeconds },
  );
}
