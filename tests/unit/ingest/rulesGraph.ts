import type { GraphLookup, KnownEntity } from '../../../server/ingest/extractor';

/** A small hand-made graph for the extractor's tests: the actors and people the trap sentences play on. */
export function testGraph(extra: KnownEntity[] = []): GraphLookup {
  const e = (x: Partial<KnownEntity> & Pick<KnownEntity, 'id' | 'label' | 'kind' | 'name'>): KnownEntity => ({ aliases: [], names: [], ...x });
  return {
    entities: [
      e({
        id: 'actor-skr',
        label: 'Actor',
        kind: 'association',
        name: 'Sveriges Kommuner och Regioner',
        aliases: ['SKR', 'SKL'],
        names: [
          { value: 'Sveriges Kommuner och Landsting', short: 'SKL', validTo: '2019-11-27' },
          { value: 'Sveriges Kommuner och Regioner', short: 'SKR', validFrom: '2019-11-27' },
        ],
      }),
      e({ id: 'actor-digg', label: 'Actor', kind: 'agency', name: 'Myndigheten för digital förvaltning', aliases: ['Digg', 'DIGG'] }),
      e({ id: 'actor-regeringen', label: 'Actor', kind: 'government', name: 'Regeringen', aliases: ['regeringen'] }),
      e({ id: 'actor-inera', label: 'Actor', kind: 'company', name: 'Inera' }),
      e({ id: 'actor-kommuner', label: 'Actor', kind: 'collective', name: 'Kommunerna', aliases: ['kommuner', 'kommunerna'] }),
      e({ id: 'topic-infra', label: 'Topic', kind: 'theme', name: 'Nationell digital infrastruktur', aliases: ['nationell digital infrastruktur'] }),
      e({ id: 'person-anna-eriksson', label: 'Person', kind: 'person', name: 'Anna Eriksson', organisations: ['actor-digg'] }),
      e({ id: 'role-digg-gd', label: 'Role', kind: 'director-general', name: 'Generaldirektör för Digg', title: 'generaldirektör', at: 'actor-digg' }),
      ...extra,
    ],
  };
}
