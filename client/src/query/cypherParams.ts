/**
 * The `$parameters` a Cypher text uses, read as the server reads them (server/queries/cypherText.ts): Cypher's
 * identifier rules with Unicode letters (`$aktör` is "aktör"), backtick-quoted names (`` $`min aktör` ``), and
 * nothing inside strings, quoted names or comments. Kept free of imports so the editor chunk stays small; a
 * unit test runs both scanners over the same texts.
 */

const IDENT = /\p{ID_Continue}/u;

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote !== '`' && c === '\\') i += 2;
    else if (c === quote) {
      if (quote === '`' && text[i + 1] === '`') i += 2;
      else return i + 1;
    } else i += 1;
  }
  return text.length;
}

/** `$name` parameters used in a Cypher text, in order of first use. */
export function cypherParamNames(cypher: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i]!;
    const next = cypher[i + 1];
    if (c === '/' && next === '/') {
      const eol = cypher.indexOf('\n', i);
      i = eol === -1 ? cypher.length : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = cypher.indexOf('*/', i + 2);
      i = close === -1 ? cypher.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(cypher, i, c);
    } else if (c === '$') {
      i += 1;
      let name = '';
      if (cypher[i] === '`') {
        const end = skipQuoted(cypher, i, '`');
        name = cypher.slice(i + 1, end - 1).replace(/``/g, '`');
        i = end;
      } else {
        while (i < cypher.length && IDENT.test(cypher[i]!)) name += cypher[i++];
      }
      if (name && !names.includes(name)) names.push(name);
    } else {
      i += 1;
    }
  }
  return names;
}

/** How a parameter is written in Cypher: `$aktör`, or `` $`min aktör` `` when the name needs quoting. */
export function cypherParamRef(name: string): string {
  return /^[\p{ID_Start}_]\p{ID_Continue}*$/u.test(name) ? `$${name}` : `$\`${name.replace(/`/g, '``')}\``;
}
