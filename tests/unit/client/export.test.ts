import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/types';
import { caption, csvCell, edgesCsv, exportFileName, legendLayout, nodesCsv, shapePath, svgWithLegend, textColourFor, viewToGraph } from '../../../client/src/graph/export';
import { viewOf } from '../../../client/src/graph/elements';

const graph: Graph = {
  nodes: [
    { id: 'actor-skr', labels: ['Entity', 'Actor'], properties: { id: 'actor-skr', name: 'Sveriges Kommuner och Regioner', kind: 'association', aliases: ['SKR', 'SKL'] } },
    { id: 'actor-digg', labels: ['Entity', 'Actor'], properties: { id: 'actor-digg', name: 'Myndigheten för digital förvaltning', kind: 'agency' } },
    { id: 'person-lena-micko', labels: ['Entity', 'Person'], properties: { id: 'person-lena-micko', name: 'Lena Micko' } },
  ],
  edges: [
    {
      id: 'fact-1',
      source: 'actor-skr',
      target: 'actor-digg',
      type: 'SUPPORTS',
      properties: {
        evidenceCount: 2,
        evidenceArticles: ['article-001', 'article-003'],
        evidenceQuotes: ['Vi välkomnar ”Digg”; det är ett första steg.', 'Han sa: "det räcker inte",\nmen lovade mer.'],
        evidenceStarts: [120, 4051],
        evidenceEnds: [164, 4099],
      },
    },
    { id: 'fact-2', source: 'person-lena-micko', target: 'actor-skr', type: 'AFFILIATED_WITH', properties: {} },
  ],
};

/** Parses our CSV back into rows (RFC 4180 quoting, the given delimiter), to check what a spreadsheet reads. */
function parseCsv(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === d) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark, so Excel reads å, ä and ö right', () => {
    const nodes = nodesCsv(graph, 'sv');
    const edges = edgesCsv(graph, 'sv');
    expect(nodes.charCodeAt(0)).toBe(0xfeff);
    expect(edges.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(nodes).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps å, ä and ö as they are', () => {
    const rows = parseCsv(nodesCsv(graph, 'sv').slice(1), ';');
    expect(rows.find((r) => r[0] === 'actor-digg')?.[1]).toBe('Myndigheten för digital förvaltning');
  });

  it('uses ; in Swedish (what a Swedish Excel splits on) and , in English', () => {
    expect(nodesCsv(graph, 'sv').slice(1).split('\r\n')[0]).toBe('id;name;kind;subKind;labels;aliases;validFrom;validTo');
    expect(nodesCsv(graph, 'en').slice(1).split('\r\n')[0]).toBe('id,name,kind,subKind,labels,aliases,validFrom,validTo');
  });

  it('gives every piece of evidence of an edge its own row with quote, article id and offsets', () => {
    const rows = parseCsv(edgesCsv(graph, 'sv').slice(1), ';');
    const [header, ...body] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(header).toEqual(['edgeId', 'source', 'sourceName', 'type', 'relation', 'target', 'targetName', 'validFrom', 'validTo', 'firstSeen', 'evidenceCount', 'evidenceIndex', 'articleId', 'start', 'end', 'quote']);
    const fact1 = body.filter((r) => r[0] === 'fact-1');
    expect(fact1.map((r) => [r[col('evidenceIndex')], r[col('articleId')], r[col('start')], r[col('end')]])).toEqual([
      ['1', 'article-001', '120', '164'],
      ['2', 'article-003', '4051', '4099'],
    ]);
    expect(fact1[0]![col('quote')]).toBe('Vi välkomnar ”Digg”; det är ett första steg.');
    expect(fact1[1]![col('quote')]).toBe('Han sa: "det räcker inte",\nmen lovade mer.');
    expect(fact1[0]![col('sourceName')]).toBe('Sveriges Kommuner och Regioner');
  });

  it('keeps an edge without evidence as one row with the evidence columns empty', () => {
    const rows = parseCsv(edgesCsv(graph, 'en').slice(1), ',');
    const fact2 = rows.filter((r) => r[0] === 'fact-2');
    expect(fact2).toHaveLength(1);
    expect(fact2[0]!.slice(-5)).toEqual(['', '', '', '', '']);
  });

  it('quotes cells holding quotes, the delimiter or line breaks, doubling the quotes', () => {
    expect(csvCell('a "b" c', ';')).toBe('"a ""b"" c"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('rad 1\nrad 2', ';')).toBe('"rad 1\nrad 2"');
    expect(csvCell('rad 1\r\nrad 2', ',')).toBe('"rad 1\r\nrad 2"');
    expect(csvCell(' kant ', ';')).toBe('" kant "');
    expect(csvCell('Åre älv ö', ';')).toBe('Åre älv ö');
    expect(csvCell(['SKR', 'SKL'], ';')).toBe('SKR | SKL');
    expect(csvCell(null, ';')).toBe('');
    expect(csvCell(-5, ';')).toBe('-5');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+46 8 123', ';')).toBe("'+46 8 123");
  });

  it('exports only what is visible, and edges only between exported nodes', () => {
    const g = viewToGraph(viewOf(graph), (id) => id !== 'person-lena-micko');
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['actor-digg', 'actor-skr']);
    expect(g.edges.map((e) => e.id)).toEqual(['fact-1']);
  });

  it('names files by the view date, in the UI language', () => {
    expect(exportFileName('csv-edges', '2019-06-01', 'sv')).toBe('relationer-2019-06-01.csv');
    expect(exportFileName('png', null, 'en', '2026-12-01')).toBe('graph-2026-12-01.png');
  });
});

describe('picture export', () => {
  const legend = [
    { label: 'Aktör', colour: '#0072B2', shape: 'round-rectangle' },
    { label: 'Person', colour: '#E69F00', shape: 'ellipse' },
    { label: 'Överenskommelse', colour: '#009E73', shape: 'diamond' },
  ];

  it('captions the picture with the as-of date and the title', () => {
    expect(caption('2019-06-01', 'Digital förvaltning', 'sv')).toBe('Per 2019-06-01 · Digital förvaltning');
    expect(caption('2019-06-01', 'Digital förvaltning', 'en')).toBe('As of 2019-06-01 · Digital förvaltning');
    expect(caption(null, 'Digital förvaltning', 'sv', '2026-12-01')).toBe('Läget 2026-12-01 · Digital förvaltning');
  });

  it('wraps legend rows to the width and puts the caption under them', () => {
    const wide = legendLayout(legend, 1000, (t) => t.length * 7);
    expect(new Set(wide.items.map((i) => i.y)).size).toBe(1);
    const narrow = legendLayout(legend, 120, (t) => t.length * 7);
    expect(new Set(narrow.items.map((i) => i.y)).size).toBe(3);
    expect(narrow.captionY).toBeGreaterThan(Math.max(...narrow.items.map((i) => i.y)));
    expect(narrow.height).toBeGreaterThan(wide.height);
  });

  it('adds the legend and caption to the SVG, growing its height', () => {
    const svg = '<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="800" height="600"><defs/><g><path d="M 0 0"/></g></svg>';
    const out = svgWithLegend(svg, { legend, asOf: '2019-06-01', title: 'Digital förvaltning', background: '#ffffff', lng: 'sv' });
    const height = Number(/<svg[^>]*\bheight="([\d.]+)"/.exec(out)?.[1]);
    expect(height).toBeGreaterThan(600);
    expect(out).toContain(`viewBox="0 0 800 ${height}"`);
    expect(out).toContain('>Per 2019-06-01 · Digital förvaltning</text>');
    expect(out).toContain('>Överenskommelse</text>');
    expect(out.match(/<path d="M/g)).toHaveLength(1 + legend.length);
    expect(out.endsWith('</g></svg>')).toBe(true);
  });

  it('draws each legend shape as a closed path, and picks text that contrasts with the background', () => {
    for (const shape of ['round-rectangle', 'ellipse', 'round-tag', 'diamond', 'round-diamond', 'rectangle', 'hexagon', 'star', 'triangle', 'octagon', 'barrel', 'rhomboid']) {
      expect(shapePath(shape, 10, 10, 7), shape).toMatch(/^M .* Z$/);
    }
    expect(textColourFor('#ffffff')).toBe('#1b2130');
    expect(textColourFor('#14181f')).toBe('#f1f4f9');
  });
});
