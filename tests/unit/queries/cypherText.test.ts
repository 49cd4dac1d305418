import { describe, expect, it } from 'vitest';
import { cypherParamRef, scanCypher } from '../../../contract/cypherText';
import { ParamName } from '../../../contract/queries';

// Parameter names the one scanner (used by the server and the query workspace) must read whole.
const CASES: [string, string[]][] = [
  ['MATCH (a:Actor {id: $aktör}) RETURN a', ['aktör']],
  ['MATCH (a) WHERE a.område = $område AND a.id IN $ärenden RETURN a LIMIT $gräns', ['område', 'ärenden', 'gräns']],
  ['RETURN $`min aktör`, $`aktör`, $aktör', ['min aktör', 'aktör']],
  // "ö" written as o + combining diaeresis (NFD) is still one name.
  ['RETURN $akto\u0308r', ['akto\u0308r']],
  ["RETURN '$inte' + \"$inte\" // $inte\n/* $inte */ + $ja_1", ['ja_1']],
  ['RETURN $0, $x', ['0', 'x']],
];

describe('Cypher text scan', () => {
  it('finds parameters, including quoted ones, but not inside strings, names or comments', () => {
    const scan = scanCypher("MATCH (n {id: $id}) // $nope\nWHERE n.x = '$no' AND n.`$odd` = $`odd name` /* $none */ RETURN n LIMIT $limit");
    expect([...scan.parameters.keys()]).toEqual(['id', 'odd name', 'limit']);
  });

  it('reads parameter names with å, ä, ö whole: $aktör is "aktör", never "akt"', () => {
    for (const [text, names] of CASES) expect([...scanCypher(text).parameters.keys()], text).toEqual(names);
  });

  it('accepts Unicode parameter names in saved queries and refuses ones that need quoting', () => {
    expect(ParamName.safeParse('aktör').success).toBe(true);
    expect(ParamName.safeParse('Område_2').success).toBe(true);
    expect(ParamName.safeParse('2nd').success).toBe(false);
    expect(ParamName.safeParse('min aktör').success).toBe(false);
    expect(cypherParamRef('aktör')).toBe('$aktör');
    expect(cypherParamRef('min aktör')).toBe('$`min aktör`');
  });

  it('splits statements only at top-level semicolons', () => {
    expect(scanCypher("RETURN 'a;b' AS x;").statements).toHaveLength(1);
    expect(scanCypher('RETURN 1; // trailing comment').statements).toHaveLength(1);
    expect(scanCypher('MATCH (n) RETURN n; MATCH (m) DETACH DELETE m').statements.map((s) => s.text)).toEqual(['MATCH (n) RETURN n', 'MATCH (m) DETACH DELETE m']);
  });
});
