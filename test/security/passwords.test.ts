import { describe, expect, it } from 'vitest';
import { Client, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

/** Finding 14: a password policy that refuses what guessers try first. */
describe('finding 14: common, repetitive and self-describing passwords are refused', () => {
  it('on change, on reset and on creation; a sound one passes', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const worker1 = await new Client(env).login('worker1');
    const phone = f.workers[0].phone;
    for (const weak of [
      'aaaaaaaaa1',
      'worker1worker1',
      'Worker1-2026x',
      `Tel${phone}`,
      'password2026!',
      'qwerty123456',
      'Admin@123456',
    ]) {
      const res = await worker1.post('/api/auth/password', {
        currentPassword: 'Kunming@2019',
        newPassword: weak,
      });
      expect(res.status, weak).toBe(400);
      expect(res.body.errors.newPassword, weak).toBeTruthy();
    }
    const city = await new Client(env).login('city');
    const target = f.users.worker2.id;
    const reset = await city.post(`/api/users/${target}/reset-password`, { password: 'worker2-Reset1' });
    expect(reset.status).toBe(400);
    expect(reset.body.errors.password).toBeTruthy();
    const created = await city.post('/api/users', {
      username: 'clerk7',
      displayName: '新经办人',
      role: 'unit_admin',
      organizationId: f.unit1.id,
      password: 'aaaaaaaaa1',
    });
    expect(created.status).toBe(400);
    expect(created.body.errors.password).toBeTruthy();
    expect(
      (
        await worker1.post('/api/auth/password', {
          currentPassword: 'Kunming@2019',
          newPassword: 'Dianchi-lake-2026',
        })
      ).status,
    ).toBe(200);
  });
});
