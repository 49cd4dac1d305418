// Graph schema of the explorer: constraints and indexes, all idempotent (IF NOT EXISTS), one statement per `;`.
// Applied by server/neo4j/schema.ts before every seed load and by the tests' resetDatabase().
// The data model they serve is described in cypher/README.md.

// ─── Node identity: every node the seed writes is found by its stable `id` ───
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT name_id IF NOT EXISTS FOR (n:Name) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_point_id IF NOT EXISTS FOR (n:AgreementPoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS FOR (n:Service) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;

// ─── Lookups by kind, name and time ───
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_valid_from IF NOT EXISTS FOR (n:Entity) ON (n.validFrom);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_outlet IF NOT EXISTS FOR (n:Article) ON (n.outlet);
CREATE INDEX name_value IF NOT EXISTS FOR (n:Name) ON (n.value);

// ─── Full-text search ───
// Names and aliases, accent-folded so that "lantmateriet" finds Lantmäteriet and "digg" finds DIGG.
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText, n.name] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// Article text with Swedish stemming, so "myndigheter" also finds "myndigheten".
CREATE FULLTEXT INDEX articleText IF NOT EXISTS FOR (n:Article) ON EACH [n.text, n.title] OPTIONS { indexConfig: { `fulltext.analyzer`: 'swedish' } };

// ─── Fact relationships: found by their fact id (the id in seed/data/*.yaml) ───
CREATE INDEX rel_holds_id IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.id);
CREATE INDEX rel_at_id IF NOT EXISTS FOR ()-[r:AT]-() ON (r.id);
CREATE INDEX rel_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX rel_party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() ON (r.id);
CREATE INDEX rel_has_point_id IF NOT EXISTS FOR ()-[r:HAS_POINT]-() ON (r.id);
CREATE INDEX rel_participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.id);
CREATE INDEX rel_published_id IF NOT EXISTS FOR ()-[r:PUBLISHED]-() ON (r.id);
CREATE INDEX rel_about_id IF NOT EXISTS FOR ()-[r:ABOUT]-() ON (r.id);
CREATE INDEX rel_refers_to_id IF NOT EXISTS FOR ()-[r:REFERS_TO]-() ON (r.id);
CREATE INDEX rel_located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.id);
CREATE INDEX rel_established_id IF NOT EXISTS FOR ()-[r:ESTABLISHED]-() ON (r.id);
CREATE INDEX rel_prepares_id IF NOT EXISTS FOR ()-[r:PREPARES]-() ON (r.id);
CREATE INDEX rel_collaborates_with_id IF NOT EXISTS FOR ()-[r:COLLABORATES_WITH]-() ON (r.id);
CREATE INDEX rel_responsible_for_id IF NOT EXISTS FOR ()-[r:RESPONSIBLE_FOR]-() ON (r.id);
CREATE INDEX rel_serves_id IF NOT EXISTS FOR ()-[r:SERVES]-() ON (r.id);
CREATE INDEX rel_advises_id IF NOT EXISTS FOR ()-[r:ADVISES]-() ON (r.id);
CREATE INDEX rel_analysed_id IF NOT EXISTS FOR ()-[r:ANALYSED]-() ON (r.id);
CREATE INDEX rel_finds_id IF NOT EXISTS FOR ()-[r:FINDS]-() ON (r.id);
CREATE INDEX rel_presented_at_id IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() ON (r.id);
CREATE INDEX rel_presented_to_id IF NOT EXISTS FOR ()-[r:PRESENTED_TO]-() ON (r.id);
CREATE INDEX rel_supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX rel_criticises_id IF NOT EXISTS FOR ()-[r:CRITICISES]-() ON (r.id);
CREATE INDEX rel_proposes_id IF NOT EXISTS FOR ()-[r:PROPOSES]-() ON (r.id);
CREATE INDEX rel_requests_id IF NOT EXISTS FOR ()-[r:REQUESTS]-() ON (r.id);
CREATE INDEX rel_commits_to_id IF NOT EXISTS FOR ()-[r:COMMITS_TO]-() ON (r.id);
CREATE INDEX rel_prioritises_id IF NOT EXISTS FOR ()-[r:PRIORITISES]-() ON (r.id);
CREATE INDEX rel_quoted_in_id IF NOT EXISTS FOR ()-[r:QUOTED_IN]-() ON (r.id);
CREATE INDEX rel_wrote_id IF NOT EXISTS FOR ()-[r:WROTE]-() ON (r.id);
CREATE INDEX rel_pictured_in_id IF NOT EXISTS FOR ()-[r:PICTURED_IN]-() ON (r.id);
CREATE INDEX rel_excerpted_from_id IF NOT EXISTS FOR ()-[r:EXCERPTED_FROM]-() ON (r.id);
CREATE INDEX rel_has_contact_id IF NOT EXISTS FOR ()-[r:HAS_CONTACT]-() ON (r.id);
CREATE INDEX rel_affiliated_with_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.id);
CREATE INDEX rel_named_id IF NOT EXISTS FOR ()-[r:NAMED]-() ON (r.id);
CREATE INDEX rel_mentions_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.id);
