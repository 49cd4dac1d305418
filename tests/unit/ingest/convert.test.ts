import { describe, expect, it } from 'vitest';
import { convertHtml, convertMarkdown, convertText, formatOfFileName } from '../../../server/ingest/convert';
import { checkArticleText, jaccard, shingles, slugify, textSha256 } from '../../../server/ingest/text';

describe('convertHtml', () => {
  it('puts headings, paragraphs, list items and table rows on lines of their own, without markup, scripts or addresses', () => {
    const html = `<html><head><title>T | Sajt</title><script>var a = 1;</script><style>h1 { x: y }</style></head><body>
      <h1>Rubrik</h1><h2>Under&shy;rubrik</h2><p>Ett <em>stycke</em> med <a href="https://x.se/a">länk</a>.</p>
      <ul><li>ett</li><li>två</li></ul><table><tr><th>Namn</th><th>Roll</th></tr><tr><td>Anna</td><td>gd</td></tr></table><img src="b.png" alt="Bild"></body></html>`;
    const { text, title } = convertHtml(html);
    expect(title).toBe('Rubrik');
    expect(text.split('\n').filter(Boolean)).toEqual(['Rubrik', 'Under\u00ADrubrik', 'Ett stycke med länk.', ' * ett', ' * två', 'Namn   Roll', 'Anna   gd']);
    expect(text).not.toMatch(/var a|x: y|https|b\.png|T \| Sajt/);
  });

  it('takes the title from <title> when the page has no <h1>, and none when it has neither', () => {
    expect(convertHtml('<html><head><title> Sidans   titel </title></head><body><p>x</p></body></html>').title).toBe('Sidans titel');
    expect(convertHtml('<p>x</p>').title).toBeNull();
  });
});

describe('convertMarkdown', () => {
  it('drops heading marks, emphasis, link and image syntax, quotes and fences, keeping the words', () => {
    const md = '# Rubrik #\n\n> Citat med **fet** och _kursiv_ text.\n\n![Bild](a.png) [Länk](https://x.se) och `kod`.\n\n```\nkod i block\n```\n\n---\n\nSnake_case_ord och 2*3*4 står kvar.\n';
    const { text, title } = convertMarkdown(md);
    expect(title).toBe('Rubrik');
    expect(text).toBe('Rubrik\n\nCitat med fet och kursiv text.\n\nBild Länk och kod.\n\nkod i block\n\nSnake_case_ord och 2*3*4 står kvar.');
  });
});

describe('convertText', () => {
  it('keeps the text exactly, only a byte-order mark removed, and proposes its first line as title', () => {
    expect(convertText('\uFEFFRubrik\r\n\r\nText  \n')).toEqual({ text: 'Rubrik\r\n\r\nText  \n', title: 'Rubrik' });
    expect(convertText(`${'x'.repeat(400)}\n`).title).toBeNull();
  });
});

describe('formatOfFileName', () => {
  it('knows .txt, .md and .html (in any case) and nothing else', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.htm', 'e.HTML', 'f.pdf', 'g'].map(formatOfFileName)).toEqual(['txt', 'md', 'md', 'html', 'html', null, null]);
  });
});

describe('checkArticleText', () => {
  it('accepts ordinary text with tabs, line and page breaks', () => {
    expect(checkArticleText('Rubrik\r\n\tText\fSida 2')).toEqual([]);
  });

  it('says where a control character or a lone surrogate is', () => {
    expect(checkArticleText('ab\ncd\u0001')[0]!.message).toMatch(/U\+0001 at line 2, column 3 \(index 5\)/);
    expect(checkArticleText('a\u0085b')[0]!.message).toMatch(/U\+0085/);
    expect(checkArticleText('x\uDFFFy')[0]!.message).toMatch(/lone surrogate U\+DFFF at line 1, column 2/);
    expect(checkArticleText('ok 😀 emoji')).toEqual([]);
  });
});

describe('fingerprints', () => {
  it('hashes the UTF-8 bytes', () => {
    // "å" is the two bytes C3 A5 in UTF-8 (sha256sum of those two bytes).
    expect(textSha256('å')).toBe('e83979df9d36090142f23051f8e8d7ad48e5c20dff5c9e7b92ca3454f67469f9');
    expect(textSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('measures shared word shingles: 1 for the same words whatever the case and punctuation, 0 for none in common', () => {
    const a = shingles('Myndigheten för digital förvaltning har analyserat placeringen.');
    expect(jaccard(a, shingles('myndigheten, för digital förvaltning har analyserat placeringen'))).toBe(1);
    expect(jaccard(a, shingles('Helt andra ord i en helt annan text här.'))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('slugify', () => {
  it('makes kebab-case ASCII of Swedish names and cuts long ones at a word', () => {
    expect(slugify('Åsa Öberg-Ärlig')).toBe('asa-oberg-arlig');
    expect(slugify('  Myndigheten för digital förvaltning (DIGG) ')).toBe('myndigheten-for-digital-forvaltning-digg');
    expect(slugify('Ett mycket långt namn på en myndighet som aldrig tar slut', 30)).toBe('ett-mycket-langt-namn-pa-en');
  });
});
