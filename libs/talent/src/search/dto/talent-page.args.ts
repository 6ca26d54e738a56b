import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidatedOnce } from '@baton/graphql';

/** Facets make a page dearer than a plain list: a lower ceiling than the platform's. */
export const TALENT_MAX_PAGE_SIZE = 50;
/** A cursor is about 80 characters (base64url of a score and an id); anything much longer is not one. */
const MAX_CURSOR_LENGTH = 200;

/**
 * The platform's PageArgs with the talent search's own ceiling, so `first: 100` is refused by the
 * same validation, naming `first`, with the limit the schema documents (not the platform's 200).
 */
@ValidatedOnce()
@ArgsType()
export class TalentPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${TALENT_MAX_PAGE_SIZE}; default ${TALENT_MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TALENT_MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: `Opaque cursor: the endCursor of the previous page (at most ${MAX_CURSOR_LENGTH} characters)` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string | null;
}
