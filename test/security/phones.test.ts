import { describe, expect, it } from 'vitest';
import { Client, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

/** Finding 9: a phone number signs one worker in, so one worker has it. */
describe('finding 9: phone numbers are unique', () => {
  it("a worker cannot take another's number, nor can a clerk give it twice (409 naming the field)", async () => {
    const env = testEnv();
    const f = smallCity(env);
    const [w1, w2] = [f.workers[0], f.workers[1]];
    const worker1 = await new Client(env).login('worker1');
    const taken = await worker1.put(`/api/workers/${w1.id}`, { phone: w2.phone });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toHaveProperty('phone');
    const city = await new Client(env).login('city');
    const again = await city.post('/api/workers', {
      name: '重号职工',
      idNumber: '11010519491231002X',
      phone: w2.phone,
      organizationId: w1.organizationId,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toHaveProperty('phone');
    // worker2 still signs in by its number; nobody else does.
    const byPhone = await new Client(env).post('/api/auth/login', {
      username: w2.phone,
      password: 'Kunming@2019',
    });
    expect(byPhone.body.username).toBe('worker2');
    // A new number is the worker's own to set, and signs it in.
    expect((await worker1.put(`/api/workers/${w1.id}`, { phone: '13712345678' })).status).toBe(200);
    const moved = await new Client(env).post('/api/auth/login', {
      username: '13712345678',
      password: 'Kunming@2019',
    });
    expect(moved.body.username).toBe('worker1');
  });

  it('the database refuses a second worker with the same phone hash', () => {
    const env = testEnv();
    const f = smallCity(env);
    const [w1, w2] = [f.workers[0], f.workers[1]];
    expect(() =>
      env.db.$client
        .prepare(
          'update workers set phone = ?, phone_hash = (select phone_hash from workers where id = ?) where id = ?',
        )
        .run(w2.phone, w2.id, w1.id),
    ).toThrow(/UNIQUE/);
  });
});
