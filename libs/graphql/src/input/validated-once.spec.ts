import 'reflect-metadata';
import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, ValidateNested } from 'class-validator';
import { createValidationPipe } from '../validation.pipe';
import { ValidatedOnce } from './validated-once';

class Inner {
  @IsInt()
  @Max(4)
  level: number;
}

@ValidatedOnce()
class Remembered {
  @IsOptional()
  @IsInt()
  @Max(10)
  size?: number;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Inner)
  items?: Inner[];
}

class NotRemembered {
  @IsOptional()
  @IsInt()
  size?: number;
}

const meta = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype, data: 'input' });

describe('ValidatedOnce', () => {
  const pipe = createValidationPipe();

  it('validates a marked class once per distinct input and shares a frozen instance', async () => {
    const first = await pipe.transform({ size: 3, items: [{ level: 2 }] }, meta(Remembered));
    const again = await pipe.transform({ size: 3, items: [{ level: 2 }] }, meta(Remembered));
    expect(first).toBeInstanceOf(Remembered);
    expect((first as Remembered).items![0]).toBeInstanceOf(Inner);
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen((first as Remembered).items) && Object.isFrozen((first as Remembered).items![0])).toBe(true);
    const other = await pipe.transform({ size: 4 }, meta(Remembered));
    expect(other).not.toBe(first);
    expect(other).toMatchObject({ size: 4 });
  });

  it('refuses a bad input every time with the same field errors, and never remembers it', async () => {
    const refusal = async () => {
      try {
        await pipe.transform({ size: 11, items: [{ level: 9 }] }, meta(Remembered));
      } catch (error) {
        return error as { message: string; fields?: unknown };
      }
      throw new Error('accepted');
    };
    const first = await refusal();
    expect(first.message).toBe('2 fields are invalid');
    const second = await refusal();
    expect(second).not.toBe(first);
    expect(second.fields).toEqual(first.fields);
  });

  it('leaves other classes to the plain pipe: a new instance each time', async () => {
    const a = await pipe.transform({ size: 1 }, meta(NotRemembered));
    const b = await pipe.transform({ size: 1 }, meta(NotRemembered));
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(false);
  });
});
