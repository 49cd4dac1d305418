import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from '../../../client/src/state/urlState';

describe('URL state', () => {
  it('round-trips a full view: nodes, selection, filters, date, layout, open query and its parameters', () => {
    const state: UrlState = {
      nodes: ['actor-skr', 'person-lena-micko', 'doc-budgetproposition-2018'],
      whole: false,
      positions: { 'actor-skr': { x: 10, y: -20 }, 'person-lena-micko': { x: 0, y: 0 }, 'doc-budgetproposition-2018': { x: -315, y: 42 } },
      diff: { from: '2019-01-01', to: '2020-01-01' },
      selected: 'person-lena-micko',
      hidden: ['place-sverige'],
      pinned: ['actor-skr'],
      hiddenKinds: ['Article'],
      hiddenTypes: ['MENTIONS', 'REFERS_TO'],
      articles: ['article-001'],
      asOf: '2018-06-01',
      layout: 'concentric',
      tab: 'queries',
      query: 'roles-of-person',
      queryParams: { person: 'person-lena-micko', asOf: '2018-01-01', limit: '10', flag: true },
    };
    expect(decodeUrlState(`#${encodeUrlState(state)}`)).toEqual(state);
  });

  it('encodes the default state as an empty hash and reads an empty hash as the overview', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('keeps ids and parameters with commas, ampersands and å ä ö intact', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, nodes: ['a,b', 'x&y=z', 'plats-göteborg'], query: 'min-fråga', queryParams: { text: 'Lantmäteriet, SKR & Digg' } };
    expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
  });

  it('falls back to defaults for malformed values instead of failing', () => {
    const s = decodeUrlState('#asOf=2019-13&layout=spiral&qp=%7Bnot-json&tab=other');
    expect(s.asOf).toBeNull();
    expect(s.layout).toBe('fcose');
    expect(s.queryParams).toEqual({});
    expect(s.tab).toBe('explore');
  });

  it('carries the whole network apart from the start view, and ignores positions that do not match the nodes', () => {
    expect(encodeUrlState({ ...DEFAULT_URL_STATE, whole: true })).toBe('view=all');
    expect(decodeUrlState('#view=all').whole).toBe(true);
    expect(decodeUrlState('#nodes=a,b&pos=1_2').positions).toBeNull();
    expect(decodeUrlState('#nodes=a,b&pos=1_2,x_3').positions).toBeNull();
    expect(decodeUrlState('#nodes=a,b&pos=1_2,-3_4').positions).toEqual({ a: { x: 1, y: 2 }, b: { x: -3, y: 4 } });
    expect(decodeUrlState('#cmp=2019-01-01..2020-13').diff).toBeNull();
  });

  it('rounds positions so links stay short', () => {
    const hash = encodeUrlState({ ...DEFAULT_URL_STATE, nodes: ['a'], positions: { a: { x: 10.4, y: -2.6 } } });
    expect(hash).toBe('nodes=a&pos=10_-3');
  });

  it('tells an empty custom view (nodes=) apart from the overview (no nodes key)', () => {
    expect(decodeUrlState('#nodes=').nodes).toEqual([]);
    expect(decodeUrlState('#sel=actor-skr').nodes).toBeNull();
  });
});
