import { describe, expect, it } from 'vitest';
import { scanCypher } from '../../../server/queries/cypherText';

describe('Cypher text scan', () => {
  it('finds parameters, including quoted ones, but not inside strings, names or comments', () => {
    const scan = scanCypher("MATCH (n {id: $id}) // $nope\nWHERE n.x = '$no' AND n.`$odd` = $`odd name` /* $none */ RETURN n LIMIT $limit");
    expect([...scan.parameters.keys()]).toEqual(['id', 'odd name', 'limit']);
  });

  it('splits statements only at top-level semicolons', () => {
    expect(scanCypher("RETURN 'a;b' AS x;").statements).toHaveLength(1);
    expect(scanCypher('RETURN 1; // trailing comment').statements).toHaveLength(1);
    expect(scanCypher('MATCH (n) RETURN n; MATCH (m) DETACH DELETE m').statements.map((s) => s.text)).toEqual(['MATCH (n) RETURN n', 'MATCH (m) DETACH DELETE m']);
  });
});
