import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export enum OrganisationKind {
  COMMITTEE = 'COMMITTEE',
  PARTNER = 'PARTNER',
  CONTRACTOR = 'CONTRACTOR',
  VOLUNTEER_PROGRAMME = 'VOLUNTEER_PROGRAMME',
}

@Entity('organisations')
@Unique('organisations_code_key', ['code'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' }) kind: OrganisationKind;
  @Column({ type: 'text', nullable: true }) website: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
