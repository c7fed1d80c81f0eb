import { toJobId } from './bullmq-job-id';

describe('toJobId', () => {
  it('makes command ids BullMQ accepts: no colon, never an integer', () => {
    expect(toJobId('place:abc')).not.toContain(':');
    expect(toJobId('42')).not.toMatch(/^\d+$/);
  });

  it('keeps distinct ids distinct', () => {
    const ids = ['a:b', 'a%3Ab', 'a%b', 'a%25b', 'a::b'];
    expect(new Set(ids.map(toJobId)).size).toBe(ids.length);
  });
});
