import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Platform-wide: a skill means the same thing from one Games to the next. */
@Entity('skills')
@Unique('skills_code_key', ['code'])
export class SkillEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) category: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
