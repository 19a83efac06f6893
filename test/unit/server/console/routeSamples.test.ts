import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers';
import { adminRoutesOf, samples } from './routeSamples';

describe('console security tests cover every admin route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('has a sample request for each admin route the server answers, and none for a route it lacks', () => {
    const served = adminRoutesOf(s.routes).sort();
    expect(served.length).toBeGreaterThan(20);
    expect(Object.keys(samples).sort()).toEqual(served);
  });
});
