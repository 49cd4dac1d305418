import { sentenceSpan } from './facts';
import { kindOfOrgWord, roleKindOfTitle } from './lexicon';
import { candidatesFor, targetRef, type Found, type Target } from './model';
import { baseForm } from './organisations';
import type { RoleContext } from './roles';
import { capitalise, normalizeName } from './text';
import { infoFor, occurrencesOf, type Work } from './work';

/** Facts from titles: a role (HOLDS + AT) for titles of the model, AFFILIATED_WITH for other titles. */

/** The organisation a role context names; an unknown name after the preposition is proposed as a new organisation, with its mentions. */
function orgOf(work: Work, ctx: RoleContext, mentions: Found[]): { ref: string; name: string } | null {
  if (!ctx.org) return null;
  if ('found' in ctx.org) {
    const ref = targetRef(ctx.org.found.target);
    const info = infoFor(work)(ctx.org.found.target);
    return ref && info ? { ref, name: info.name } : null;
  }
  const written = ctx.org.unknown.text;
  const words = written.split(/\s+/);
  const name = [...words.slice(0, -1), baseForm(words[words.length - 1]!)].join(' ');
  const candidates = candidatesFor(name, ['Actor'], work.graph);
  const top = candidates[0];
  const target: Target = top && top.score >= 0.92 ? { type: 'known', id: top.id } : { type: 'new', key: '' };
  if (target.type === 'new') {
    const kind = kindOfOrgWord(words[words.length - 1]!) ?? 'agency';
    target.key = work.registry.add({ name, label: 'Actor', kind, confidence: 0.5, rule: 'org.after-title', maybeSameAs: candidates });
  }
  for (const o of occurrencesOf(work.doc.text, written)) mentions.push({ ...o, target, confidence: 0.5, rule: 'org.after-title', priority: 3 });
  const ref = targetRef(target)!;
  return { ref, name: target.type === 'known' ? top!.name : name };
}

/** The government, for ministers: the graph's, else a proposed one. */
function governmentRef(work: Work): { ref: string; name: string } {
  const gov = work.graph.entities.find((e) => e.label === 'Actor' && e.kind === 'government');
  if (gov) return { ref: gov.id, name: gov.name };
  return { ref: work.registry.add({ name: 'Regeringen', label: 'Actor', kind: 'government', confidence: 0.6, rule: 'role.minister-government' }), name: 'Regeringen' };
}

/** A deputy's title ("vice ordförande", "ställföreträdande generaldirektör") names another role than the head's. */
const DEPUTY = /(?:^|\s)(?:vice|biträdande|ställföreträdande|tillförordnad|t\.f\.|andre|förste)\s/i;

/** Roles: HOLDS and AT for titles of the model, AFFILIATED_WITH for other titles; the title span becomes a mention of the role. */
export function proposeRoles(work: Work, person: string, contexts: RoleContext[], mentions: Found[]): void {
  const { doc, graph, registry, facts } = work;
  for (const ctx of contexts) {
    const title = ctx.title.text;
    const kind = roleKindOfTitle(title);
    let org = orgOf(work, ctx, mentions);
    if (!org && kind === 'minister') org = governmentRef(work);
    if (!org) continue;
    const evidence = sentenceSpan(doc, ctx.title.start < ctx.hit.start ? ctx.title : ctx.hit);
    if (!kind) {
      facts.add('AFFILIATED_WITH', person, org.ref, evidence, 0.7, 'affiliation.title', { basis: title });
      work.placed.add(`${person}|${org.ref}`);
      continue;
    }
    const existing = graph.entities.find(
      (e) => e.label === 'Role' && e.at === org.ref && e.title !== undefined && (normalizeName(e.title) === normalizeName(title) || (roleKindOfTitle(e.title) === kind && ['chair', 'director-general'].includes(kind) && !DEPUTY.test(title) && !DEPUTY.test(e.title))),
    );
    let roleRef: string;
    if (existing) roleRef = existing.id;
    else {
      roleRef = registry.add({ name: kind === 'minister' ? capitalise(title) : `${capitalise(title)} för ${org.name}`, label: 'Role', kind, title, confidence: 0.75, rule: 'role.title', at: org.ref });
      facts.add('AT', roleRef, org.ref, sentenceSpan(doc, ctx.title), 0.75, 'role.title-at');
    }
    // "Ordförande i kommittén blir Bengt Kjellson", "Anna Holm blir ny generaldirektör": appointed, not yet in office.
    const between = ctx.title.start < ctx.hit.start ? doc.text.slice(ctx.title.end, ctx.hit.start) : doc.text.slice(ctx.hit.end, ctx.title.start);
    const appointed = /(?:^|\s)(?:blir|blev)\s/u.test(between);
    facts.add('HOLDS', person, roleRef, evidence, 0.8, `role.${ctx.hit.rule}`, appointed ? { status: 'utsedd' } : {});
    work.placed.add(`${person}|${org.ref}`);
    const target: Target = existing ? { type: 'known', id: existing.id } : { type: 'new', key: roleRef };
    mentions.push({ start: ctx.title.start, end: ctx.title.end, target, confidence: 0.75, rule: 'role.title', priority: 2 });
  }
}

