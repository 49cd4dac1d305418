import { candidatesFor, type Found } from './model';
import type { Work } from './work';

/** "nummer 2/2017", "1/2018", "nr 3 2024": what makes a magazine's name the name of one of its issues. */
const ISSUE = /^[ \u00a0]+(?:(?:nummer|nr\.?|no\.?)[ \u00a0]+)?\d{1,2}\/\d{4}(?![\d/])|^[ \u00a0]+(?:nummer|nr\.?)[ \u00a0]+\d{1,3}(?:[ \u00a0]+\d{4})?(?!\d)/u;

/**
 * A magazine's name followed by an issue number names that issue, not the magazine ("KommITS-tidningen nummer
 * 2/2017"): proposed as a new issue, maybe the same as one the graph has, so the magazine is not linked there.
 */
export function magazineIssues(work: Work, known: readonly Found[]): Found[] {
  const out: Found[] = [];
  for (const f of known) {
    if (f.target.type !== 'known') continue;
    const magazine = work.byId.get(f.target.id);
    if (magazine?.label !== 'Document' || magazine.kind !== 'magazine') continue;
    const issue = ISSUE.exec(work.doc.text.slice(f.end, f.end + 24));
    if (!issue) continue;
    const end = f.end + issue[0].length;
    const name = work.doc.text.slice(f.start, end).replace(/\s+/g, ' ');
    const maybeSameAs = [...candidatesFor(name, ['Document'], work.graph, 0.6), { id: magazine.id, name: magazine.name, label: magazine.label, score: 0.5 }];
    const key = work.registry.add({ name, label: 'Document', kind: 'magazine-issue', confidence: 0.7, rule: 'document.magazine-issue', maybeSameAs });
    out.push({ start: f.start, end, target: { type: 'new', key }, confidence: 0.7, rule: 'document.magazine-issue', priority: 7 });
  }
  return out;
}
