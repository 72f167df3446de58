import { withCommandContext } from '../command-context.js';
import { CHAIN_PROBLEM_TEXT } from './audit.types.js';

export const AUDIT_VERIFY_USAGE =
  '  audit:verify                  periksa rantai hash log audit; gagal pada entri rusak pertama\n';

/** `kaliber audit:verify`: exit 0 when the chain is intact, 1 naming the first broken entry. */
export async function auditVerifyCommand(): Promise<number> {
  return withCommandContext(async ({ services }) => {
    const report = await services.audit.verify();
    await services.audit.record({ actor: null, clientIp: null, requestId: 'cli:audit:verify' }, [
      {
        action: 'AUDIT_CHAIN_VERIFIED',
        outcome: report.isIntact ? 'SUCCESS' : 'FAILURE',
        detail: { ...report, via: 'cli' },
      },
    ]);

    if (report.isIntact) {
      process.stdout.write(`Rantai log audit utuh: ${report.checkedCount} entri diperiksa.\n`);
      return 0;
    }
    const reason = report.problem ? CHAIN_PROBLEM_TEXT[report.problem] : 'tidak diketahui';
    process.stderr.write(
      `Rantai log audit RUSAK pada entri nomor ${report.firstBrokenSequence ?? '?'}: ${reason}. ` +
        `${report.checkedCount} entri sebelumnya utuh.\n`,
    );
    return 1;
  });
}
