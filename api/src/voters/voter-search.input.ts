import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'Search within the area of the caller: by NIK, or by kelurahan and name',
})
export class VoterSearchInput {
  @Field(() => String, {
    nullable: true,
    description: 'Exact NIK; spaces, dots and dashes allowed',
  })
  @IsOptional()
  @Length(16, 24, { message: 'NIK terdiri dari 16 angka' })
  nik?: string | null;

  @Field(() => String, { nullable: true, description: 'Kelurahan code, e.g. 31.75.06.1001' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'Kode kelurahan tidak valid' })
  kelurahanCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Start of the name, at least 2 letters' })
  @IsOptional()
  @Length(2, 100, { message: 'Nama minimal 2 huruf' })
  name?: string | null;
}
