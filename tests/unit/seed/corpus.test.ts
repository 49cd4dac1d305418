import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type Corpus } from '../../../server/seed/validate';
import { SEED_DIR } from './corpus-copy';

const articlesDir = join(SEED_DIR, 'articles');
const dataDir = join(SEED_DIR, 'data');

interface RawEvidence {
  article?: string;
  quote: string;
  start: number;
  end: number;
}

/** The data files read straight from disk, independent of the validator under test. */
function rawArticleFiles(): { file: string; data: { article: { id: string; file: string }; facts: { id: string; evidence: RawEvidence[] }[] } }[] {
  return readdirSync(dataDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'entities.yaml')
    .map((file) => ({ file, data: parse(readFileSync(join(dataDir, file), 'utf8')) }));
}

describe('the curated seed corpus', () => {
  let corpus: Corpus;

  beforeAll(async () => {
    corpus = await readCorpus(SEED_DIR);
  });

  it('validates: schema, ids, references, dates, quotes and mentions', () => {
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.facts.length).toBeGreaterThan(100);
  });

  it('keeps the five articles byte for byte as recorded in seed/articles/SHA256SUMS', () => {
    // given the recorded checksums
    const sums = readFileSync(join(articlesDir, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/) as [string, string]);
    // then there is one per article file and each file still hashes to it
    expect(sums.map(([, f]) => f).sort()).toEqual(readdirSync(articlesDir).filter((f) => f.endsWith('.txt')).sort());
    for (const [sum, file] of sums) {
      expect(createHash('sha256').update(readFileSync(join(articlesDir, file))).digest('hex'), file).toBe(sum);
    }
  });

  it('has every evidence quote verbatim at its offsets in its article (checked without the validator)', () => {
    // given the raw YAML and the article texts
    const files = rawArticleFiles();
    const textById = new Map(files.map(({ data }) => [data.article.id, readFileSync(join(articlesDir, data.article.file), 'utf8')]));
    let checked = 0;
    // then every quote is the exact slice [start, end) of the article it names
    for (const { file, data } of files) {
      for (const fact of data.facts) {
        for (const ev of fact.evidence) {
          const text = textById.get(ev.article ?? data.article.id);
          expect(text?.slice(ev.start, ev.end), `${file} ${fact.id}`).toBe(ev.quote);
          checked++;
        }
      }
    }
    expect(checked).toBe(corpus.facts.reduce((n, f) => n + f.evidence.length, 0));
  });

  it('cites every sentence of every article as evidence, except page furniture', () => {
    // given what is not a statement: site chrome and bare headings (datelines count as cited by publishedEvidence)
    const furniture = [
      /^KommITS logotyp/,
      /^(Translate kommits|se You can translate|se by choosing)/,
      /^Läs mer på SK[LR]:s hemsida/,
      /^Tor 25 jul \/ År 42/,
      /^Tillbaka till föregående sida$/,
      /^(Nyhet|Foto|Ny myndighet|Mångbottnat uppdrag)$/,
      /^(Har du en fråga|Titta först|Covid-19 och|Hjälpte informationen|Tack för att du)/,
    ];
    const uncited: string[] = [];
    for (const article of corpus.articles) {
      const cited = new Uint8Array(article.text.length);
      for (const e of corpus.facts.flatMap((f) => f.evidence)) if (e.article === article.id) cited.fill(1, e.start, e.end);
      if (article.publishedEvidence) cited.fill(1, article.publishedEvidence.start, article.publishedEvidence.end);
      // when the text is cut into sentences (a stop followed by white space, or a line end)
      const sentence = /[^\n]+?(?:[.!?:](?=\s|$)|$)/gm;
      for (let m = sentence.exec(article.text); m; m = sentence.exec(article.text)) {
        const text = m[0].trim();
        if (!text || furniture.some((f) => f.test(text))) continue;
        const share = cited.subarray(m.index, m.index + m[0].length).reduce((n, c) => n + c, 0) / m[0].length;
        if (share < 0.5) uncited.push(`${article.id}: ${text}`);
      }
    }
    // then every other sentence is at least half covered by some fact's evidence
    expect(uncited).toEqual([]);
  });

  it('quotes each quoted paragraph of an article in a QUOTED_IN fact of its speaker', () => {
    for (const article of corpus.articles) {
      // given the paragraphs that open with a dash of direct speech
      const paragraphs: { start: number; end: number }[] = [];
      const re = /^[–-] .*$/gm;
      for (let m = re.exec(article.text); m; m = re.exec(article.text)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
      const quotes = corpus.facts.filter((f) => f.type === 'QUOTED_IN' && f.to === article.id).flatMap((f) => f.evidence);
      // then each such paragraph holds at least one QUOTED_IN quote
      for (const p of paragraphs) {
        expect(quotes.some((q) => q.start >= p.start && q.end <= p.end), `${article.id}: ${article.text.slice(p.start, p.start + 60)}`).toBe(true);
      }
    }
  });

  it('models SKL and SKR as one actor with both names, each NAMED over its own period', () => {
    const skr = corpus.entities.find((e) => e.id === 'actor-skr');
    expect(skr?.aliases).toEqual(expect.arrayContaining(['SKL', 'SKR', 'Sveriges Kommener och Landsting', 'Sveriges Kommuner och Landsting']));
    expect(corpus.entities.filter((e) => e.aliases.includes('SKL') || e.aliases.includes('SKR'))).toHaveLength(1);
    const named = corpus.facts.filter((f) => f.type === 'NAMED' && f.from === 'actor-skr');
    expect(named.map((f) => [f.to, f.validFrom, f.validTo, f.source])).toEqual(
      expect.arrayContaining([
        ['name-skl', undefined, '2019-11-27', 'curator'],
        ['name-skr', '2019-11-27', undefined, 'curator'],
      ]),
    );
  });

  it('knows Digg by every name the articles use and from 1 September 2018', () => {
    const digg = corpus.entities.find((e) => e.id === 'actor-digg');
    expect(digg?.aliases).toEqual(expect.arrayContaining(['DIGG', 'Digg', 'Myndigheten för Digital Förvaltning']));
    expect(digg?.name).toBe('Myndigheten för digital förvaltning');
    expect(digg?.validFrom).toBe('2018-09-01');
  });

  it('gives the handshake five numbered points whose text is verbatim from article 001', () => {
    const points = corpus.facts.filter((f) => f.type === 'HAS_POINT' && f.from === 'agreement-handslag-2017').map((f) => corpus.entities.find((e) => e.id === f.to));
    const article = corpus.articles.find((a) => a.id === 'article-001')!;
    expect(points.map((p) => (p?.label === 'AgreementPoint' ? p.number : null)).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const p of points) expect(p?.label === 'AgreementPoint' && article.text.includes(p.text)).toBe(true);
  });

  it('dates every fact first seen at the earliest publication among its evidence', () => {
    const published = new Map(corpus.articles.map((a) => [a.id, a.published]));
    for (const f of corpus.facts) {
      expect(f.firstSeen, f.id).toBe(f.evidence.map((e) => published.get(e.article)!).sort()[0]);
    }
    expect(corpus.facts.find((f) => f.id === 'fact-skr-requests-gemensam-prioritering')?.firstSeen).toBe('2017-06-14');
  });

  it('names the stated author and no other', () => {
    expect(corpus.articles.map((a) => [a.id, a.authors])).toEqual([
      ['article-000', []],
      ['article-001', []],
      ['article-002', []],
      ['article-003', ['person-christian-naumanen']],
      ['article-004', []],
    ]);
  });

  it('finds mentions as whole words and gives an overlapping span to the longer name', () => {
    const a001 = corpus.articles.find((a) => a.id === 'article-001')!;
    const spansOf = (entity: string) => a001.mentions.find((m) => m.entity === entity)?.spans ?? [];
    // "SKL Kommentus" is not counted as a mention of SKL
    const kommentus = spansOf('actor-skl-kommentus')[0]!;
    expect(spansOf('actor-skr').some((s) => s.start === kommentus.start)).toBe(false);
    for (const s of spansOf('actor-skr')) expect(a001.text.slice(s.start, s.end)).toBe('SKL');
  });
});
