import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import { PublicAccess } from '../authorization/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { CekNikResultType, PublicServiceSettingsType } from './cek-nik.types.js';
import type { PublicRequest } from './public-gate.js';

/**
 * The public services every citizen may use without an account (DESIGN §4.1): they answer
 * without personal data and sit behind the public gate (limits, optional proof of work).
 */
@Resolver()
export class PublicServiceResolver {
  // Public by design: the answer is yes/no and a masked NIK, behind the anti-enumeration gate.
  @PublicAccess()
  @Query(() => CekNikResultType, {
    description: 'Is this NIK on the voter list? Same answer shape whether or not it is',
  })
  async cekNik(
    @Arg('nik') nik: string,
    @Ctx() context: GraphQLContext,
    @Arg('proofOfWork', () => String, { nullable: true }) proofOfWork?: string | null,
  ): Promise<CekNikResultType> {
    return context.services.cekNik.check(nik, proofOfWork, publicRequestOf(context));
  }

  // Public: what the public pages must show (challenge on or off, mask), no data of anyone.
  @PublicAccess()
  @Query(() => PublicServiceSettingsType)
  publicServiceSettings(@Ctx() context: GraphQLContext): PublicServiceSettingsType {
    const settings = context.services.config.publicServices;

    return {
      isProofOfWorkRequired: settings.isProofOfWorkRequired,
      showsKelurahan: settings.showsKelurahan,
      nikVisibleDigits: settings.nikMask.visibleDigits,
      pollingDate: settings.pollingDate,
    };
  }
}

export function publicRequestOf(context: GraphQLContext): PublicRequest {
  return { clientIp: context.clientIp, requestId: context.requestId, log: context.log };
}
