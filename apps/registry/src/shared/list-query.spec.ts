import { parseListQuery } from './list-query';

const FILTERS = ['pending', 'completed', 'all'] as const;
const refuse = (message: string, field: string) => Object.assign(new Error(message), { field });

describe('parseListQuery: a list route’s status and registry', () => {
  it('defaults to the pending ones, in every registry', () => {
    expect(parseListQuery({}, FILTERS, refuse)).toEqual({ filter: 'pending' });
    expect(parseListQuery({ status: 'all', registry: 'SC' }, FILTERS, refuse)).toEqual({
      filter: 'all',
      registry: 'SC',
    });
  });

  it.each([
    [{ status: 'open' }, 'status', 'status must be one of pending, completed, all'],
    [{ registry: 'sc' }, 'registry', 'registry must be CQ or SC'],
    [{ registry: 'GD' }, 'registry', 'registry must be CQ or SC'],
  ])('refuses %j naming %s', (query, field, message) => {
    expect(() => parseListQuery(query, FILTERS, refuse)).toThrow(expect.objectContaining({ field, message }));
  });
});
