import { Role } from '@baton/auth';

/** The texts of the two invitation messages (the token one is only for people without an account). */
export function roleGrantedMessage(role: Role) {
  return {
    template: 'role-granted',
    subject: 'You have a new role in Baton',
    body: `You now hold the ${role} role in Baton. Sign in as usual to use it.`,
  };
}

export function invitationMessage(options: { displayName: string; role: Role; token: string; ttlSeconds: number; publicUrl: string }) {
  const { displayName, role, token, ttlSeconds, publicUrl } = options;
  return {
    template: 'invitation',
    subject: 'You are invited to Baton',
    body:
      `Hello ${displayName},\n\nYou are invited to Baton as ${role}. ` +
      `Choose your password within ${Math.round(ttlSeconds / 86400)} days with this token:\n\n${token}\n\n` +
      `${publicUrl}/graphiql\nmutation { acceptInvitation(input: { token: "${token}", password: "…" }) { accessToken } }`,
  };
}
