import { describe, expect, it } from 'vitest';
import { NewEntity, ProposedFact, ProposedMention, PublishedHint } from '../../../contract/ingest';
import type { Extraction } from '../../../server/ingest/extractor';
import { createRulesExtractor, extractRules } from '../../../server/ingest/rules';
import { FACT_TYPES, KINDS, type FactType } from '../../../contract/model';
import { graphFromCorpus } from '../../../server/ingest/rules/corpusGraph';
import { readCorpus } from '../../../server/seed/validate';
import { testGraph } from './rulesGraph';

const extract = (text: string, published?: string): Extraction => extractRules({ text, title: text.split('\n')[0]!, ...(published ? { published } : {}) }, testGraph());

/** Mentions whose surface is exactly `surface`. */
const mentionsOf = (out: Extraction, surface: string) => out.mentions.filter((m) => m.surface === surface);
const newEntity = (out: Extraction, name: string) => out.entities.find((e) => e.name === name);

describe('the rules-sv extractor', () => {
  it('is named and versioned, and its output matches the ingestion contract', async () => {
    const extractor = createRulesExtractor();
    expect(extractor.name).toBe('rules-sv@1');
    const out = await extractor.extract(
      { title: 'Handslag', text: 'Publicerad: 6 december 2017\n\n– Vi vill bidra, säger Karin Lund, ordförande för SKL.', published: '2017-12-06' },
      testGraph(),
    );
    for (const e of out.entities) NewEntity.parse(e);
    for (const m of out.mentions) ProposedMention.parse(m);
    for (const f of out.facts) ProposedFact.parse(f);
    PublishedHint.parse(out.publishedHint);
  });

  describe('links to known entities', () => {
    it('finds acronyms by case only, and their genitives "SKL:s" and "Diggs"', () => {
      const out = extract('SKL:s ordförande talade. Diggs rapport kom. Men skl och digg i gemener är inga namn här.', '2018-01-01');
      expect(mentionsOf(out, 'SKL:s')[0]?.entityId).toBe('actor-skr');
      expect(mentionsOf(out, 'Diggs')[0]?.entityId).toBe('actor-digg');
      expect(out.mentions.some((m) => m.surface === 'skl')).toBe(false);
    });

    it('finds a common-noun name in its definite and inflected forms', () => {
      const out = extract('Regeringens beslut gäller den nationella digitala infrastrukturen och alla kommunerna.');
      expect(mentionsOf(out, 'Regeringens')[0]?.entityId).toBe('actor-regeringen');
      expect(mentionsOf(out, 'den nationella digitala infrastrukturen')[0]?.entityId).toBe('topic-infra');
      expect(mentionsOf(out, 'kommunerna')[0]?.entityId).toBe('actor-kommuner');
    });

    it('links the name before a generic compound head ("SKR-kansliet", "Digg-rapporten"), not before a name of its own ("Digg-dagen")', () => {
      const out = extract('Frågan ligger hos SKR-kansliet. Digg-rapporten kom i går. Digg-dagen hålls i maj.', '2021-01-01');
      expect(out.mentions.filter((m) => m.entityId !== null).map((m) => [m.surface, m.entityId, m.rule])).toEqual([
        ['SKR', 'actor-skr', 'gazetteer.compound-modifier'],
        ['Digg', 'actor-digg', 'gazetteer.compound-modifier'],
      ]);
      // and a compound is not proposed as an organisation of its own
      expect(out.entities.map((e) => e.name)).not.toContain('SKR-kansliet');
    });

    it('finds a name by its genitive and colon genitive ("Diggs", "Digg:s", "regeringens", "kommunernas")', () => {
      const out = extract('Diggs chef och Digg:s styrelse möter regeringens utredare om kommunernas ekonomi.');
      expect(out.mentions.map((m) => [m.surface, m.entityId])).toEqual(
        expect.arrayContaining([
          ['Diggs', 'actor-digg'],
          ['Digg:s', 'actor-digg'],
          ['regeringens', 'actor-regeringen'],
          ['kommunernas', 'actor-kommuner'],
        ]),
      );
    });

    it('does not take a short proper name written in lower case for the name ("digg"), but a long one ("myndigheten för digital förvaltning")', () => {
      const out = extract('Vi digg på det. Uppdraget gick till myndigheten för digital förvaltning.');
      expect(mentionsOf(out, 'digg')).toHaveLength(0);
      expect(mentionsOf(out, 'myndigheten för digital förvaltning')[0]?.entityId).toBe('actor-digg');
    });

    it('reads an organisation\'s proper name by its initials, as borne on the date ("SKR" from "Sveriges Kommuner och Regioner")', () => {
      const graph = testGraph().entities.map((e) => (e.id === 'actor-skr' ? { ...e, aliases: [], names: e.names.map(({ short: _short, ...n }) => n) } : e));
      const out = extractRules({ title: 't', text: 'SKR kräver besked. SKL sa nej.', published: '2021-01-01' }, { entities: graph });
      expect(mentionsOf(out, 'SKR')[0]).toMatchObject({ entityId: 'actor-skr', rule: 'gazetteer.derived-name' });
      expect(mentionsOf(out, 'SKL')[0]).toMatchObject({ entityId: 'actor-skr', rule: 'gazetteer.name-not-valid-on-date' });
    });

    it('rephrases a theme as Swedish does: genitive or preposition, definite forms, coordinated adjectives', () => {
      const graph = testGraph([
        { id: 'topic-dig', label: 'Topic', kind: 'theme', name: 'Digitalisering av offentlig sektor', aliases: [], names: [] },
        { id: 'topic-samlande', label: 'Topic', kind: 'proposal', name: 'En samlande digital myndighet', aliases: [], names: [] },
        { id: 'topic-utbyte', label: 'Topic', kind: 'theme', name: 'Effektivt och standardiserat informationsutbyte', aliases: [], names: [] },
        { id: 'topic-forhandlingar', label: 'Topic', kind: 'proposal', name: 'Återkommande förhandlingar mellan stat och kommun', aliases: [], names: [] },
      ]);
      const text =
        'Takten i offentlig sektors digitalisering ska öka. Digitaliseringen inom den offentliga sektorn går långsamt. ' +
        'Förslaget gäller en samlande digital myndighet, och den samlande digitala myndigheten ska ligga i Sundsvall. ' +
        'Det kräver effektivt informationsutbyte och återkommande förhandlingar.';
      const out = extractRules({ title: 't', text }, graph);
      const linked = (id: string) => out.mentions.filter((m) => m.entityId === id).map((m) => m.surface);
      expect(linked('topic-dig')).toEqual(['offentlig sektors digitalisering', 'Digitaliseringen inom den offentliga sektorn']);
      expect(linked('topic-samlande')).toEqual(['en samlande digital myndighet', 'den samlande digitala myndigheten']);
      expect(linked('topic-utbyte')).toEqual(['effektivt informationsutbyte']);
      expect(linked('topic-forhandlingar')).toEqual(['återkommande förhandlingar']);
    });

    it('cites a theme by its head where its name goes on to name others, and links those on their own', () => {
      const graph = testGraph([
        { id: 'topic-forhandlingar', label: 'Topic', kind: 'proposal', name: 'Återkommande förhandlingar mellan staten och kommunerna', aliases: [], names: [] },
        { id: 'actor-staten', label: 'Actor', kind: 'collective', name: 'Staten', aliases: ['staten'], names: [] },
      ]);
      const out = extractRules({ title: 't', text: 'SKL vill se återkommande förhandlingar mellan staten och kommunerna.' }, graph);
      expect(out.mentions.filter((m) => m.entityId).map((m) => [m.surface, m.entityId])).toEqual([
        ['SKL', 'actor-skr'],
        ['återkommande förhandlingar', 'topic-forhandlingar'],
        ['staten', 'actor-staten'],
        ['kommunerna', 'actor-kommuner'],
      ]);
    });

    it('splits an owner\'s genitive off the name of what it owns ("regeringens budgetproposition för 2018")', () => {
      const graph = testGraph([{ id: 'doc-bp', label: 'Document', kind: 'budget-bill', name: 'Regeringens budgetproposition för 2018', aliases: [], names: [] }]);
      const out = extractRules({ title: 't', text: 'Det står i regeringens budgetproposition för 2018.' }, graph);
      expect(out.mentions.map((m) => [m.surface, m.entityId])).toEqual([
        ['regeringens', 'actor-regeringen'],
        ['budgetproposition för 2018', 'doc-bp'],
      ]);
    });

    it('links bare singulars and head nouns of collectives in a list of collectives, but not a singular with a determiner', () => {
      const graph = testGraph([
        { id: 'actor-staten', label: 'Actor', kind: 'collective', name: 'Staten', aliases: ['staten'], names: [] },
        { id: 'actor-regioner', label: 'Actor', kind: 'collective', name: 'Regionerna', aliases: ['regioner'], names: [] },
        { id: 'actor-myndigheter', label: 'Actor', kind: 'collective', name: 'Statliga myndigheter', aliases: [], names: [] },
      ]);
      const text = 'Det kräver förhandlingar mellan stat, kommun och regioner. Samverkan gäller myndigheterna, kommunerna och regionerna. Men en kommun i Norrland sa nej.';
      const out = extractRules({ title: 't', text }, graph);
      expect(out.mentions.filter((m) => m.entityId).map((m) => [m.surface, m.entityId])).toEqual([
        ['stat', 'actor-staten'],
        ['kommun', 'actor-kommuner'],
        ['regioner', 'actor-regioner'],
        ['myndigheterna', 'actor-myndigheter'],
        ['kommunerna', 'actor-kommuner'],
        ['regionerna', 'actor-regioner'],
      ]);
    });

    it('links a long name the text writes shorter than the graph ("Utredningen om effektiv styrning av nationella digitala tjänster")', () => {
      const graph = testGraph([
        { id: 'actor-utredningen', label: 'Actor', kind: 'inquiry', name: 'utredningen om effektiv styrning av utveckling, införande och förvaltning av nationella digitala tjänster', aliases: [], names: [] },
      ]);
      const out = extractRules({ title: 't', text: 'I januari lämnade Utredningen om effektiv styrning av nationella digitala tjänster sitt betänkande.' }, graph);
      expect(mentionsOf(out, 'Utredningen om effektiv styrning av nationella digitala tjänster')[0]?.entityId).toBe('actor-utredningen');
      expect(out.entities).toEqual([]);
    });

    it('links a descriptive organisation name by its compound head ("organisationskommittén", "organisationskommitté")', () => {
      const graph = testGraph([{ id: 'actor-ok', label: 'Actor', kind: 'committee', name: 'Organisationskommittén för den nya myndigheten', aliases: [], names: [] }]);
      const out = extractRules({ title: 't', text: 'SKL ska jobba nära den organisationskommitté som bildas. Organisationskommittén leds av en generaldirektör.' }, graph);
      expect(out.mentions.filter((m) => m.entityId === 'actor-ok').map((m) => m.surface)).toEqual(['organisationskommitté', 'Organisationskommittén']);
    });

    it('trusts a name less when the organisation did not bear it on the article\'s date', () => {
      const before = extract('SKL välkomnar förslaget.', '2018-05-01');
      const after = extract('SKL välkomnar förslaget.', '2021-05-01');
      const current = extract('SKR välkomnar förslaget.', '2021-05-01');
      expect(before.mentions[0]?.entityId).toBe('actor-skr');
      expect(after.mentions[0]?.entityId).toBe('actor-skr');
      expect(after.mentions[0]!.confidence).toBeLessThan(before.mentions[0]!.confidence);
      expect(after.mentions[0]!.confidence).toBeLessThan(current.mentions[0]!.confidence);
    });

    it('links a long name written with a typo ("Sveriges Kommener och Landsting")', () => {
      const out = extract('Det säger Sveriges Kommener och Landsting i ett yttrande.');
      expect(mentionsOf(out, 'Sveriges Kommener och Landsting')[0]?.entityId).toBe('actor-skr');
    });
  });

  describe('traps: the same surface meaning something else', () => {
    it('gives SKL to a locally defined "Statens kriminaltekniska laboratorium (SKL)", never to SKR', () => {
      const out = extract('Analysen gjordes av Statens kriminaltekniska laboratorium (SKL) i Linköping. SKL:s experter var eniga, och SKL lämnade sitt svar i maj.', '2015-03-01');
      const skl = out.mentions.filter((m) => m.surface.startsWith('SKL'));
      expect(skl).toHaveLength(3);
      for (const m of skl) {
        expect(m.entityId).toBeNull();
        expect(m.newEntity?.name).toBe('Statens kriminaltekniska laboratorium');
      }
      const lab = newEntity(out, 'Statens kriminaltekniska laboratorium');
      expect(lab?.label).toBe('Actor');
      expect(lab?.maybeSameAs.map((c) => c.id)).toContain('actor-skr');
    });

    it('keeps linking SKL when the text defines it as the known organisation', () => {
      const out = extract('Det anser Sveriges Kommuner och Landsting (SKL). SKL vill se en ny myndighet.', '2017-06-14');
      expect(out.mentions.filter((m) => m.surface === 'SKL').every((m) => m.entityId === 'actor-skr')).toBe(true);
    });

    it('does not take a namesake at another organisation for the known person', () => {
      const out = extract('– Vi har fått fler ärenden, säger Anna Eriksson, handläggare på Skatteverket.');
      expect(out.mentions.some((m) => m.entityId === 'person-anna-eriksson')).toBe(false);
      const namesake = newEntity(out, 'Anna Eriksson');
      expect(namesake?.label).toBe('Person');
      expect(namesake?.maybeSameAs[0]?.id).toBe('person-anna-eriksson');
    });

    it('marks a surface two known entities share as ambiguous, with both as candidates', () => {
      const graph = testGraph([{ id: 'actor-digg-konsult', label: 'Actor', kind: 'company', name: 'DIGG Konsult', aliases: ['DIGG'], names: [] }]);
      const out = extractRules({ title: 't', text: 'Rapporten kommer från DIGG.' }, graph);
      const m = mentionsOf(out, 'DIGG')[0];
      expect(m?.entityId).toBeNull();
      expect(m?.ambiguous?.map((c) => c.id).sort()).toEqual(['actor-digg', 'actor-digg-konsult']);
    });

    it('links "Inera AB" to the known Inera rather than proposing a new company', () => {
      const out = extract('Avtalet tecknades med Inera AB i går.');
      expect(out.mentions.find((m) => m.surface.startsWith('Inera'))?.entityId).toBe('actor-inera');
      expect(out.entities).toEqual([]);
    });

    it('links the known person when the text places her where the graph does', () => {
      const out = extract('– Vi ska bli snabbare, säger Anna Eriksson, generaldirektör för Digg.');
      expect(mentionsOf(out, 'Anna Eriksson')[0]?.entityId).toBe('person-anna-eriksson');
      expect(out.entities.some((e) => e.label === 'Person')).toBe(false);
      // and the graph's role is reused rather than proposed again
      expect(out.facts.find((f) => f.type === 'HOLDS')).toMatchObject({ from: 'person-anna-eriksson', to: 'role-digg-gd' });
      expect(out.facts.some((f) => f.type === 'AT')).toBe(false);
    });

    it('links "myndigheten" to nothing when no agency was named before it', () => {
      const out = extract('Myndigheten ska vara på plats i september. Den kommer att ligga i Sundsvall.');
      expect(out.mentions.some((m) => /myndigheten/i.test(m.surface))).toBe(false);
    });

    it('links "myndigheten" to the agency named just before it', () => {
      const out = extract('Digg startade i september. Myndigheten ligger i Sundsvall.');
      expect(mentionsOf(out, 'Myndigheten')[0]?.entityId).toBe('actor-digg');
    });

    it('links "den nya myndigheten" to the one agency the graph has opening around the article\'s date, and later "Myndigheten" to it too', () => {
      const graph = testGraph().entities.map((e) => (e.id === 'actor-digg' ? { ...e, validFrom: '2018-09-01' } : e));
      const text = 'I september ska den nya myndigheten för digitalisering vara på plats. Myndigheten placeras i Sundsvall.';
      const before = extractRules({ title: 't', text, published: '2017-12-06' }, { entities: graph });
      expect(before.mentions.map((m) => [m.surface, m.entityId, m.rule])).toEqual([
        ['den nya myndigheten för digitalisering', 'actor-digg', 'anaphor.new-on-date'],
        ['Myndigheten', 'actor-digg', 'anaphor.definite'],
      ]);
      // years later "den nya myndigheten" is some other agency
      const later = extractRules({ title: 't', text, published: '2023-12-06' }, { entities: graph });
      expect(later.mentions).toEqual([]);
    });

    it('does not give "den nya myndigheten" to the graph\'s newcomer when the text has named an unknown agency', () => {
      const graph = testGraph().entities.map((e) => (e.id === 'actor-digg' ? { ...e, validFrom: '2018-09-01' } : e));
      const text = 'Jämställdhetsmyndigheten startar i januari i Göteborg. Regeringen har beslutat om det. Flera remissinstanser var kritiska. Nu rekryterar den nya myndigheten.';
      const out = extractRules({ title: 't', text, published: '2017-12-06' }, { entities: graph });
      expect(out.mentions.some((m) => m.entityId === 'actor-digg')).toBe(false);
    });

    it('resolves the genitive of an anaphor ("Förbundets ordförande") to the organisation named before', () => {
      const out = extract('SKR välkomnar beskedet. Förbundets ordförande är nöjd.', '2021-01-01');
      expect(mentionsOf(out, 'Förbundets')[0]?.entityId).toBe('actor-skr');
    });

    it('leaves "myndigheten" unlinked when two agencies were named equally often just before', () => {
      const out = extract('Skatteverket och Bolagsverket ska samarbeta. Myndigheten har inte kommenterat.');
      expect(mentionsOf(out, 'Myndigheten')).toHaveLength(0);
    });
  });

  describe('new people and their quotes', () => {
    it('finds "– …, säger Förnamn Efternamn" and quotes what the person says, paragraph by paragraph', () => {
      const text = [
        'Nytt stöd till kommunerna',
        '',
        '– Det här är ett viktigt steg. Vi har väntat länge, säger Karin Åberg-Lind, digitaliseringschef i Region Västernorrland.',
        '',
        '– Nu måste vi gå från ord till handling.',
        '',
        'Enligt Åberg-Lind är pengarna inte nog.',
      ].join('\n');
      const out = extract(text);
      const karin = newEntity(out, 'Karin Åberg-Lind');
      expect(karin?.label).toBe('Person');
      const quoted = out.facts.find((f) => f.type === 'QUOTED_IN' && f.from === karin?.key);
      expect(quoted?.to).toBe('article');
      expect(quoted?.evidence.map((e) => e.quote)).toEqual(['Det här är ett viktigt steg. Vi har väntat länge', 'Nu måste vi gå från ord till handling.']);
      // the surname alone later names the same person
      expect(mentionsOf(out, 'Åberg-Lind')[0]?.newEntity?.key).toBe(karin?.key);
    });

    it('reads a title before the name as a role at the organisation in the genitive ("SKR:s ordförande …")', () => {
      const out = extract('SKR:s ordförande Peter Danielsson menar att staten måste ta ansvar.', '2021-02-01');
      const peter = newEntity(out, 'Peter Danielsson');
      const holds = out.facts.find((f) => f.type === 'HOLDS' && f.from === peter?.key);
      const role = out.entities.find((e) => e.key === holds?.to);
      expect(role).toMatchObject({ label: 'Role', kind: 'chair', title: 'ordförande' });
      expect(out.facts.find((f) => f.type === 'AT' && f.from === role?.key)?.to).toBe('actor-skr');
    });

    it('gives a minister a role in the government', () => {
      const out = extract('Digitaliseringsminister Erik Slottner besökte Sundsvall.');
      const erik = newEntity(out, 'Erik Slottner');
      const role = out.entities.find((e) => e.label === 'Role');
      expect(role).toMatchObject({ kind: 'minister', title: 'Digitaliseringsminister' });
      expect(out.facts).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'HOLDS', from: erik?.key, to: role?.key }), expect.objectContaining({ type: 'AT', from: role?.key, to: 'actor-regeringen' })]));
    });

    it('places a person without a role of the model at the organisation (AFFILIATED_WITH)', () => {
      const out = extract('Det berättar Lars von Sydow, strateg på Inera.');
      const lars = newEntity(out, 'Lars von Sydow');
      expect(out.facts.find((f) => f.type === 'AFFILIATED_WITH')).toMatchObject({ from: lars?.key, to: 'actor-inera', properties: { basis: 'strateg' } });
    });

    it('attributes "säger hon" to the last woman named before it', () => {
      const text = 'Karin Lund leder arbetet på Inera. Björn Ek är skeptisk.\n\n– Vi har inte fått några pengar, säger hon.';
      const out = extract(text);
      const quoted = out.facts.find((f) => f.type === 'QUOTED_IN');
      expect(quoted?.from).toBe(newEntity(out, 'Karin Lund')?.key);
    });

    it('reads "som är ny generaldirektör för …" and a definite title before the name, but no role from a former title', () => {
      const out = extract('Karin Holm, som är ny generaldirektör för Skatteverket, tar över i maj. Förre generaldirektören Per Svensson går i pension. Generaldirektören Lisa Berg på Bolagsverket välkomnar beskedet.');
      const holds = out.facts.filter((f) => f.type === 'HOLDS').map((f) => out.entities.find((e) => e.key === f.from)?.name);
      expect(holds.sort()).toEqual(['Karin Holm', 'Lisa Berg']);
      expect(out.entities.find((e) => e.label === 'Role' && e.title === 'generaldirektör')?.kind).toBe('director-general');
      // the title already places Lisa Berg at Bolagsverket; no second, untitled link
      expect(out.facts.some((f) => f.type === 'AFFILIATED_WITH')).toBe(false);
    });

    it('marks a role someone "blir" (is appointed to) as appointed', () => {
      const out = extract('Ordförande i organisationskommittén blir Bengt Kjellson, generaldirektör för Lantmäteriet.');
      const committee = newEntity(out, 'organisationskommittén');
      const chair = out.entities.find((e) => e.label === 'Role' && e.kind === 'chair');
      expect(out.facts.find((f) => f.type === 'AT' && f.from === chair?.key)?.to).toBe(committee?.key);
      expect(out.facts.find((f) => f.type === 'HOLDS' && f.to === chair?.key)?.properties).toEqual({ status: 'utsedd' });
      expect(out.entities.filter((e) => e.label === 'Role')).toHaveLength(2);
    });

    it('quotes words in quotation marks inside a paragraph, and a bare "…, säger X" sentence', () => {
      const out = extract('Beslutet kom i går. ”Det är ett bra val”, säger Lisa Berg. Kritiken växer.\n\nVi behöver mer tid för det här, säger Omar Said på Inera.');
      const quotes = out.facts.filter((f) => f.type === 'QUOTED_IN').map((f) => [newEntity(out, 'Lisa Berg')?.key === f.from ? 'Lisa' : 'Omar', f.evidence.map((e) => e.quote)]);
      expect(quotes).toEqual(expect.arrayContaining([['Lisa', ['Det är ett bra val']], ['Omar', ['Vi behöver mer tid för det här']]]));
    });

    it('does not take a place or an organisation after a speech verb for a person', () => {
      const out = extract('– Det är bra, säger Region Stockholm i ett pressmeddelande.');
      expect(out.entities.some((e) => e.label === 'Person')).toBe(false);
    });
  });

  describe('new organisations', () => {
    it('proposes organisations by the Swedish naming patterns, with the kind they suggest', () => {
      const text =
        'I projektet deltar Myndigheten för samhällsskydd och beredskap, Skatteverket, Finansdepartementet, Region Gävleborg, Munkedals kommun och Atea Sverige AB.';
      const out = extract(text);
      const kinds = Object.fromEntries(out.entities.map((e) => [e.name, e.kind]));
      expect(kinds).toMatchObject({
        'Myndigheten för samhällsskydd och beredskap': 'agency',
        Skatteverket: 'agency',
        Finansdepartementet: 'ministry',
        'Region Gävleborg': 'municipality',
        'Munkedals kommun': 'municipality',
        'Atea Sverige AB': 'company',
      });
    });

    it('makes a long name and its acronym in parentheses one organisation', () => {
      const out = extract('Enligt Myndigheten för vård- och omsorgsanalys (MVO) saknas data. MVO föreslår en ny lag.');
      const mvo = newEntity(out, 'Myndigheten för vård- och omsorgsanalys');
      expect(mentionsOf(out, 'MVO').map((m) => m.newEntity?.key)).toEqual([mvo?.key, mvo?.key]);
    });

    it('proposes an unknown name listed with known organisations as one of them', () => {
      const out = extract('SKR, Inera och Adda kommer att samverka med den nya myndigheten.');
      expect(newEntity(out, 'Adda')?.label).toBe('Actor');
    });

    it('reads a magazine\'s name with an issue number as that issue, not the magazine ("KommITS-tidningen nummer 2/2017")', () => {
      const graph = testGraph([{ id: 'doc-tidningen', label: 'Document', kind: 'magazine', name: 'KommITS-tidningen', aliases: [], names: [] }]);
      const out = extractRules({ title: 't', text: 'I KommITS-tidningen nummer 2/2017 skrev vi om studien. KommITS-tidningen kommer ut fyra gånger om året.' }, graph);
      const issue = newEntity(out, 'KommITS-tidningen nummer 2/2017');
      expect(issue).toMatchObject({ label: 'Document', kind: 'magazine-issue' });
      expect(issue?.maybeSameAs.map((c) => c.id)).toContain('doc-tidningen');
      expect(out.mentions.map((m) => [m.surface, m.entityId])).toEqual([
        ['KommITS-tidningen nummer 2/2017', null],
        ['KommITS-tidningen', 'doc-tidningen'],
      ]);
    });

    it('does not propose a capitalised word that starts a sentence', () => {
      const out = extract('Utredningen lämnade sitt förslag. Den nya utredningen kommer senare.');
      expect(out.entities).toEqual([]);
    });
  });

  describe('other facts', () => {
    it('reads "X har inrättats av regeringen" as the government establishing X', () => {
      const out = extract('Digg har inrättats av regeringen för att samordna digitaliseringen.');
      expect(out.facts.find((f) => f.type === 'ESTABLISHED')).toMatchObject({ from: 'actor-regeringen', to: 'actor-digg' });
    });

    it('reads a byline as the author of the article', () => {
      const out = extract('En nyhet\n\nText: Christina Berg\n');
      expect(out.facts.find((f) => f.type === 'WROTE')).toMatchObject({ from: newEntity(out, 'Christina Berg')?.key, to: 'article' });
    });
  });

  describe('the publication date', () => {
    it.each([
      ['Publicerad: 6 december 2017\n\nText', '2017-12-06', 'Publicerad: 6 december 2017'],
      ['Text\n\nSidan publicerad: 2017-06-14\n', '2017-06-14', 'Sidan publicerad: 2017-06-14'],
      ['Publicerad 2020-03-05 kl 10.12', '2020-03-05', 'Publicerad 2020-03-05'],
      ['Uppdaterad 9 mars 2021\nPublicerad 7 mars 2021', '2021-03-07', 'Publicerad 7 mars 2021'],
      ['Uppdaterad: 9 mars 2021\nText', '2021-03-09', 'Uppdaterad: 9 mars 2021'],
    ])('reads %j', (text, date, quote) => {
      const hint = extract(text).publishedHint;
      expect(hint).toMatchObject({ date, quote });
      expect(text.slice(hint!.start, hint!.end)).toBe(quote);
    });

    it('proposes nothing from an impossible date', () => {
      expect(extract('Publicerad: 31 februari 2020').publishedHint).toBeNull();
    });
  });

  it('proposes, on every seed article, only what the model allows: fact ends, properties and kinds', async () => {
    const corpus = await readCorpus('seed');
    const graph = graphFromCorpus(corpus);
    for (const article of corpus.articles) {
      const out = extractRules({ text: article.text, title: article.title, published: article.published }, graph);
      const labelOf = (ref: string) => (ref === 'article' ? 'Article' : (out.entities.find((e) => e.key === ref)?.label ?? graph.entities.find((e) => e.id === ref)?.label));
      for (const f of out.facts) {
        const spec = FACT_TYPES[f.type as FactType];
        expect(spec.from as readonly string[]).toContain(labelOf(f.from));
        expect(spec.to as readonly string[]).toContain(labelOf(f.to));
        for (const p of Object.keys(f.properties)) expect(spec.properties as readonly string[]).toContain(p);
      }
      for (const e of out.entities) expect(KINDS[e.label] as readonly string[]).toContain(e.kind);
      for (const m of out.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.surface);
      // the publication date each article states is read from it
      expect(out.publishedHint?.date).toBe(article.published);
    }
  });

  it('keeps every span verbatim at its UTF-16 offsets, also around emoji and combining letters', () => {
    const text = '😀 Publicerad: 1 mars 2022\n\n– Allt är klart 🎉, säger Åsa Öberg, generaldirektör för Diggs. Skatteverket och Digg samarbetar. Ångström-Ek på SKR säger att regeringen vet.';
    const out = extract(text, '2022-03-01');
    expect(out.mentions.length).toBeGreaterThan(3);
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
    for (const f of out.facts) for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    expect(text.slice(out.publishedHint!.start, out.publishedHint!.end)).toBe(out.publishedHint!.quote);
  });
});
