import { describe, expect, it } from 'vitest';
import { Client, q, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { LIST_RESOURCES } from './helpers';

/** Findings 10 and 11: hostile values in list filters and quota adjustments. */
describe('finding 10: true/false in a list filter is a 400, never a 500', () => {
  it('answers every list and every field with 400 (or a match on a boolean column), never 500', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    for (const resource of LIST_RESOURCES) {
      for (const field of ['id', 'name', 'status', 'organizationId', 'createdAt', 'isMigrant', 'active']) {
        for (const value of [true, false, [true, false], [1, true]]) {
          const res = await city.get(`/api/${resource}${q({ filter: { [field]: value } })}`);
          expect(res.status, `${resource} ${field}=${JSON.stringify(value)}`).not.toBe(500);
          expect([200, 400]).toContain(res.status);
        }
      }
    }
    expect((await city.get(`/api/workers${q({ filter: { name: true } })}`)).status).toBe(400);
    expect((await city.get(`/api/workers${q({ filter: { id: [true, false] } })}`)).status).toBe(400);
    expect((await city.get(`/api/workers${q({ filter: { isMigrant: true } })}`)).status).toBe(200);
  });
});

describe('finding 11: a quota adjustment has bounds', () => {
  it('refuses a delta or a result above the most places a quota may hold (422, R7)', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    const quota = (await city.get('/api/quotas')).body[0];
    for (const delta of [2 ** 53 - 1, 1_000_001, 1_000_000 - quota.places + 1]) {
      const res = await city.post(`/api/quotas/${quota.id}/adjust`, { delta, reason: '测试上限' });
      expect(res.status, `delta ${delta}`).toBe(422);
    }
    const places = env.db.$client.prepare('select places from quotas where id = ?').pluck().get(quota.id);
    expect(places).toBe(quota.places);
    expect((await city.post(`/api/quotas/${quota.id}/adjust`, { delta: 5, reason: '增加名额' })).status).toBe(
      200,
    );
  });
});
