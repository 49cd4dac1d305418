import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, toPlain } from '../../../server/neo4j/values';

const { Node, Relationship, Date: Neo4jDate, DateTime } = neo4j.types;

describe('toPlain: driver values become the JSON the API sends', () => {
  it('keeps strings (Swedish letters too), numbers and booleans, and turns integers into numbers or, when too big, strings', () => {
    expect(toPlain('Sveriges Kommuner och Regioner – Göteborg, Örebro, Åre')).toBe('Sveriges Kommuner och Regioner – Göteborg, Örebro, Åre');
    expect(toPlain(2.5)).toBe(2.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(12n)).toBe(12);
    expect(toPlain(9007199254740993n)).toBe('9007199254740993');
    expect(toPlain(undefined)).toBeNull();
  });

  it('writes dates as ISO text and walks lists and maps', () => {
    expect(toPlain(new Neo4jDate(2019, 11, 27))).toBe('2019-11-27');
    expect(toPlain(new DateTime(2020, 1, 2, 3, 4, 5, 0, 0))).toBe('2020-01-02T03:04:05Z');
    expect(toPlain([neo4j.int(1), ['a', new Neo4jDate(2018, 9, 1)], { n: neo4j.int(3), d: null }])).toEqual([1, ['a', '2018-09-01'], { n: 3, d: null }]);
  });

  it('turns nodes and relationships into graph elements keyed by their id property, with plain properties', () => {
    const a = new Node(neo4j.int(1), ['Entity', 'Actor'], { id: 'actor-skr', name: 'SKR', founded: new Neo4jDate(1900, 1, 1), aliases: ['SKL'] }, '4:x:1');
    const b = new Node(neo4j.int(2), ['Entity', 'Actor'], { id: 'actor-digg', name: 'DIGG' }, '4:x:2');
    const r = new Relationship(neo4j.int(9), neo4j.int(1), neo4j.int(2), 'COLLABORATES_WITH', { id: 'fact-1', firstSeen: new Neo4jDate(2019, 1, 2), weight: neo4j.int(3) }, '5:x:9', '4:x:1', '4:x:2');
    expect(toPlain(a)).toEqual({ id: 'actor-skr', labels: ['Entity', 'Actor'], properties: { id: 'actor-skr', name: 'SKR', founded: '1900-01-01', aliases: ['SKL'] } });
    const builder = new GraphBuilder();
    builder.collect([a, { rel: r, again: b }]);
    expect(builder.build()).toEqual({
      nodes: [expect.objectContaining({ id: 'actor-skr' }), expect.objectContaining({ id: 'actor-digg' })],
      edges: [{ id: 'fact-1', source: 'actor-skr', target: 'actor-digg', type: 'COLLABORATES_WITH', properties: { id: 'fact-1', firstSeen: '2019-01-02', weight: 3 } }],
    });
  });
});
