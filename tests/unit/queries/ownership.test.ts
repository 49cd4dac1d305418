import { describe, expect, it } from 'vitest';
import { canSee, requireOwner, summaryFor } from '../../../server/queries/ownership';
import type { StoredQuery } from '../../../server/queries/store';
import { ForbiddenError } from '../../../server/errors';
import type { Principal, Role } from '../../../contract/auth';

const who = (name: string, role: Role): Principal => ({ name, displayName: name, role, via: 'local' });
const anna = who('anna', 'analyst');
const bo = who('bo', 'analyst');
const admin = who('ada', 'admin');
const viewer = who('vera', 'viewer');

const query = (over: Partial<StoredQuery>): StoredQuery => ({
  name: 'q',
  title: 'Q',
  description: 'd',
  source: 'saved',
  params: [],
  cypher: 'RETURN 1',
  owner: 'anna',
  visibility: 'private',
  ...over,
});

const refusal = (run: () => void) => {
  try {
    run();
    return undefined;
  } catch (err) {
    if (err instanceof ForbiddenError) return err;
    throw err;
  }
};

describe('who sees a saved query', () => {
  it('shows a private query to its owner only, admins included in "others"', () => {
    const q = query({});
    expect(canSee(q, anna)).toBe(true);
    expect(canSee(q, bo)).toBe(false);
    expect(canSee(q, admin)).toBe(false);
  });

  it('shows a shared query and one without an owner to everyone', () => {
    for (const asker of [anna, bo, admin, viewer]) {
      expect(canSee(query({ visibility: 'shared' }), asker)).toBe(true);
      expect(canSee(query({ owner: null, visibility: 'shared' }), asker)).toBe(true);
    }
  });
});

describe('who changes a saved query', () => {
  it('lets the owner change it, and nobody else (403 NOT_OWNER naming the owner)', () => {
    const q = query({ visibility: 'shared' });
    expect(refusal(() => requireOwner(q, anna, 'changed'))).toBeUndefined();
    for (const other of [bo, admin]) {
      const err = refusal(() => requireOwner(q, other, 'changed'));
      expect(err?.code).toBe('NOT_OWNER');
      expect(err?.status).toBe(403);
      expect(err?.message).toMatch(/belongs to anna.*save a copy under another name/);
    }
  });

  it('lets only admins change a query saved before queries had owners', () => {
    const q = query({ owner: null, visibility: 'shared' });
    expect(refusal(() => requireOwner(q, admin, 'deleted'))).toBeUndefined();
    expect(refusal(() => requireOwner(q, anna, 'deleted'))?.message).toMatch(/only an admin can change or delete it/);
  });

  it('computes canEdit for the asker: owner with the analyst role; admins for ownerless queries', () => {
    expect(summaryFor(query({}), anna).canEdit).toBe(true);
    expect(summaryFor(query({ visibility: 'shared' }), bo).canEdit).toBe(false);
    expect(summaryFor(query({ visibility: 'shared' }), admin).canEdit).toBe(false);
    expect(summaryFor(query({ owner: null, visibility: 'shared' }), admin).canEdit).toBe(true);
    expect(summaryFor(query({ owner: null, visibility: 'shared' }), anna).canEdit).toBe(false);
    // A viewer who once saved a query may no longer change it: PUT and DELETE need the analyst role.
    expect(summaryFor(query({ owner: 'vera' }), viewer).canEdit).toBe(false);
  });
});
