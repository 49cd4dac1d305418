import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { WITHHELD, withholdProtected } from '../../../server/queries/runner';
import { protectedNamesIn, refuseProtectedText, refuseProtectedValues } from '../../../server/queries/protected';
import { QueryRejectedError } from '../../../server/errors';

function refusal(run: () => void): QueryRejectedError | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    if (err instanceof QueryRejectedError) return err;
    throw err;
  }
}

describe('protected names in Cypher text', () => {
  it('finds the protected labels wherever a name can stand', () => {
    expect(protectedNamesIn('MATCH (u:User) RETURN u.name')).toEqual(['User']);
    expect(protectedNamesIn('MATCH (s:Session)<-[:OF]-(x) RETURN x')).toEqual(['Session']);
    expect(protectedNamesIn('MATCH (n) WHERE n:AuditEvent OR n:IngestDraft RETURN n')).toEqual(['AuditEvent', 'IngestDraft']);
    expect(protectedNamesIn('MATCH (n:Actor|User) RETURN n')).toEqual(['User']);
    expect(protectedNamesIn('MATCH (n IS Session) RETURN n')).toEqual(['Session']);
  });

  it('finds names in backticks in their exact spelling, as Cypher matches labels and keys', () => {
    expect(protectedNamesIn('MATCH (u:`User`) RETURN u')).toEqual(['User']);
    expect(protectedNamesIn('MATCH (n) RETURN n.`passwordHash`')).toEqual(['passwordHash']);
  });

  it('lets a variable or key that is a protected name in another case pass: it names nothing protected', () => {
    expect(protectedNamesIn('MATCH (p:Person) WITH p AS user, 1 AS session RETURN user.name, session')).toEqual([]);
    expect(protectedNamesIn('MATCH (u:user) RETURN u')).toEqual([]);
    expect(protectedNamesIn('MATCH (n) RETURN n.CSRF')).toEqual([]);
  });

  it('finds the protected properties, also as string keys and in strings that are only the name', () => {
    expect(protectedNamesIn('MATCH (n) RETURN n.passwordHash')).toEqual(['passwordHash']);
    expect(protectedNamesIn("MATCH (n) RETURN n['passwordHash']")).toEqual(['passwordHash']);
    expect(protectedNamesIn('MATCH (n) RETURN n["csrf"]')).toEqual(['csrf']);
    expect(protectedNamesIn("MATCH (n) WHERE 'Session' IN labels(n) RETURN n")).toEqual(['Session']);
    expect(protectedNamesIn("MATCH (n) WHERE ' user ' IN labels(n) RETURN n")).toEqual(['User']);
  });

  it('decodes unicode escapes before it looks', () => {
    expect(protectedNamesIn("MATCH (n) WHERE '\\u0055ser' IN labels(n) RETURN n")).toEqual(['User']);
    expect(protectedNamesIn('MATCH (n:\\u0055ser) RETURN n')).toEqual(['User']);
  });

  it('ignores comments, parameter names, longer names and longer strings', () => {
    expect(protectedNamesIn('// User and Session\nMATCH (a:Actor) /* passwordHash */ RETURN a')).toEqual([]);
    expect(protectedNamesIn('MATCH (a:Actor {id: $user}) RETURN a')).toEqual([]);
    expect(protectedNamesIn('MATCH (a:Actor {id: $`session`}) RETURN a')).toEqual([]);
    expect(protectedNamesIn('MATCH (a:Actor) WHERE a.userCount > 1 RETURN a.sessions')).toEqual([]);
    expect(protectedNamesIn("MATCH (a:Actor) WHERE a.name CONTAINS 'user manual' RETURN a")).toEqual([]);
  });
});

describe('refusing protected data', () => {
  it('refuses text naming protected data with 422 PROTECTED_DATA, naming what and how to fix a variable', () => {
    const err = refusal(() => refuseProtectedText('MATCH (u:User) RETURN u.passwordHash'));
    expect(err).toBeDefined();
    expect(err!.status).toBe(422);
    expect(err!.code).toBe('PROTECTED_DATA');
    expect(err!.message).toMatch(/the label User and the property passwordHash/);
    expect(err!.message).toMatch(/rename it/);
    expect(err!.details).toEqual({ names: ['User', 'passwordHash'] });
  });

  it('lets ordinary queries through', () => {
    expect(refusal(() => refuseProtectedText('MATCH (a:Actor)-[r:PARTNER_OF]->(b) RETURN a, r, b LIMIT 5'))).toBeUndefined();
  });

  it('refuses a parameter value that spells a protected name (a dynamic label or key would use it)', () => {
    expect(refusal(() => refuseProtectedValues({ label: 'User' }))?.code).toBe('PROTECTED_DATA');
    expect(refusal(() => refuseProtectedValues({ keys: ['name', 'passwordhash'] }))?.code).toBe('PROTECTED_DATA');
    expect(refusal(() => refuseProtectedValues({ m: { k: 'csrf' } }))?.code).toBe('PROTECTED_DATA');
    expect(refusal(() => refuseProtectedValues({ q: 'user manual', n: 5, id: 'actor-skr' }))).toBeUndefined();
  });
});

describe('withholding protected data from answers', () => {
  const node = (id: string, labels: string[], properties: Record<string, unknown> = {}) => new neo4j.types.Node(neo4j.int(0), labels, properties, id);
  const rel = (id: string, from: string, to: string) => new neo4j.types.Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), 'WATCHED_BY', {}, id, from, to);
  const actor = node('a', ['Entity', 'Actor'], { name: 'SKR' });
  const user = node('u', ['User'], { name: 'ada', passwordHash: 'scrypt$…' });

  it('withholds protected nodes and relationships touching them, keeps the rest', () => {
    const blocked = new Set(['u']);
    expect(withholdProtected(user, blocked)).toBe(WITHHELD);
    expect(withholdProtected(node('s', ['Session']), new Set())).toBe(WITHHELD);
    expect(withholdProtected(actor, blocked)).toBe(actor);
    expect(withholdProtected(rel('r1', 'a', 'u'), blocked)).toBe(WITHHELD);
    const kept = rel('r2', 'a', 'b');
    expect(withholdProtected(kept, blocked)).toBe(kept);
  });

  it('takes them out of lists and maps, and drops the keys passwordHash and csrf from maps', () => {
    const blocked = new Set(['u']);
    expect(withholdProtected([actor, user, 5], blocked)).toEqual([actor, 5]);
    expect(withholdProtected({ who: user, what: actor, passwordHash: 'x', csrf: 'y', name: 'ada' }, blocked)).toEqual({ what: actor, name: 'ada' });
  });
});
