import { Injectable } from '@nestjs/common';
import { Role } from '@baton/auth';
import { EntityManager } from 'typeorm';

/** An invitation the moment it is accepted, inside the accepting transaction. */
export interface AcceptedInvitation {
  invitationId: string;
  role: Role;
  eventId: string | null;
  /** The account that now holds the invitation's grant. */
  userId: string;
  /** Who acts: the person accepting, or the inviter when an existing account was granted at once. */
  actorUserId: string;
  /** True when the email already had an account, which received the grant at invitation time. */
  existingAccount: boolean;
}

/**
 * Later libs act on an acceptance (the staff lib links the staff record the invitation was sent
 * from) without identity knowing them: identity is imported by them, never the reverse, as
 * ActorLoader inverts auth → identity. Handlers run in the accepting transaction, so if one
 * refuses, nothing of the acceptance stays (no account, no grant, the token still valid).
 */
export interface InvitationAcceptedHandler {
  onInvitationAccepted(manager: EntityManager, accepted: AcceptedInvitation): Promise<void>;
}

@Injectable()
export class InvitationHooks {
  private readonly handlers: InvitationAcceptedHandler[] = [];

  /** Called by a handler's module at init. */
  register(handler: InvitationAcceptedHandler): void {
    this.handlers.push(handler);
  }

  async accepted(manager: EntityManager, accepted: AcceptedInvitation): Promise<void> {
    for (const handler of this.handlers) await handler.onInvitationAccepted(manager, accepted);
  }
}
