import { Role } from '@baton/auth';
import { EnvelopeCipher } from '@baton/crypto';
import { STAFF_PHONE_CONTEXT, StaffPhoneRewrapJob } from '@baton/staff';
import { randomBytes } from 'node:crypto';
import { login } from '../factories/alumni';
import { createEvent, createOrganisation } from '../factories/events';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/** After a new key-encryption key is put first, the rotation job moves every sealed phone onto it. */
describe('key rotation of sealed phone numbers', () => {
  let t: TestApp;
  const oldKey = { id: 'k0', key: randomBytes(32) };
  const newKey = { id: 'k1', key: randomBytes(32) };
  const entry = (k: typeof oldKey) => `${k.id}:${k.key.toString('base64')}`;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATA_ENCRYPTION_KEYS: `${entry(newKey)},${entry(oldKey)}` } });
  }, 120_000);
  afterAll(() => t?.close());

  it('re-wraps envelopes of the old key, leaves the current ones, and the numbers still read the same', async () => {
    const event = await createEvent(t.dataSource);
    const org = await createOrganisation(t.dataSource);
    const old = new EnvelopeCipher([oldKey]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const member = await createStaffMember(t.dataSource, event.id, org.id, { phone: null });
      await t.dataSource.query(`UPDATE staff_members SET phone_envelope = $2 WHERE id = $1`, [
        member.id,
        old.seal(`+33 6 00 00 00 0${i}`, STAFF_PHONE_CONTEXT),
      ]);
      ids.push(member.id);
    }
    // One written by the app today: already under the current key.
    ids.push((await createStaffMember(t.dataSource, event.id, org.id, { phone: '+33 6 00 00 00 09' })).id);

    const job = t.app.get(StaffPhoneRewrapJob);
    expect(await job.rewrapAll()).toBe(3);
    const rows: Array<{ phone_envelope: string }> = await t.dataSource.query(`SELECT phone_envelope FROM staff_members WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.map((r) => r.phone_envelope.split(':')[1])).toEqual(['k1', 'k1', 'k1', 'k1']);
    expect(await job.rewrapAll()).toBe(0);
    // Only the new key is needed now.
    const fresh = new EnvelopeCipher([newKey]);
    expect(rows.map((r) => fresh.openText(r.phone_envelope, STAFF_PHONE_CONTEXT)).sort()).toEqual([
      '+33 6 00 00 00 00',
      '+33 6 00 00 00 01',
      '+33 6 00 00 00 02',
      '+33 6 00 00 00 09',
    ]);
    const admin = await login(t, (await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    expect((await t.gql.ok(`query($id: ID!) { staffMember(id: $id) { contact { phone } } }`, { id: ids[0] }, admin)).staffMember.contact.phone).toBe(
      '+33 6 00 00 00 00',
    );
  });
});
