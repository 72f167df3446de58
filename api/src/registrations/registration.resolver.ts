import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import { PublicAccess } from '../authorization/access.js';
import type { GraphQLContext } from '../graphql/context.js';
import { publicRequestOf } from '../public-access/public.resolver.js';
import { RegistrationInput } from './registration.inputs.js';
import { RegistrationReceiptType, RegistrationStatusType } from './registration.types.js';

/** Registration by citizens and tracking by receipt code (DESIGN §4.2). */
@Resolver()
export class RegistrationResolver {
  // Public by design: anyone may apply to be listed; the gate limits and may require work.
  @PublicAccess()
  @Mutation(() => RegistrationReceiptType, {
    description: 'Registers a new voter with KTP and KK (multipart; JPEG, PNG or PDF ≤ 5 MB)',
  })
  async submitRegistration(
    @Arg('input') input: RegistrationInput,
    // An upload is a promise of a stream, not an input object: nothing for class-validator.
    @Arg('ktp', () => GraphQLUpload, { validate: false }) ktp: Promise<FileUpload>,
    @Arg('kk', () => GraphQLUpload, { validate: false }) kk: Promise<FileUpload>,
    @Ctx() context: GraphQLContext,
    @Arg('proofOfWork', () => String, { nullable: true }) proofOfWork?: string | null,
  ): Promise<RegistrationReceiptType> {
    const [ktpFile, kkFile] = await Promise.all([ktp, kk]);

    return context.services.registrations.submit(
      { ...input, phone: input.phone ?? null, email: input.email ?? null },
      [
        { kind: 'KTP', openStream: () => ktpFile.createReadStream() },
        { kind: 'KK', openStream: () => kkFile.createReadStream() },
      ],
      proofOfWork,
      publicRequestOf(context),
    );
  }

  // Public: the receipt code and the NIK together are the credential; no personal data returns.
  @PublicAccess()
  @Query(() => RegistrationStatusType, {
    description: 'Stage of a registration, and the reason if refused; needs receipt code and NIK',
  })
  async registrationStatus(
    @Arg('receiptCode') receiptCode: string,
    @Arg('nik') nik: string,
    @Ctx() context: GraphQLContext,
    @Arg('proofOfWork', () => String, { nullable: true }) proofOfWork?: string | null,
  ): Promise<RegistrationStatusType> {
    return context.services.registrations.status(
      receiptCode,
      nik,
      proofOfWork,
      publicRequestOf(context),
    );
  }
}
