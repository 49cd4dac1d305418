/** A small, dependency-free, human-readable page for the OpenAPI document. */
export function apiDocsPage(openapi: Record<string, unknown>): string {
  const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const paths = (openapi['paths'] ?? {}) as Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[]; requestBody?: unknown }>>;
  const sections = Object.entries(paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
        .join('');
      return `<section><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p><strong>${esc(op.summary)}</strong></p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${op.requestBody ? `<details><summary>Request body schema</summary><pre>${esc(JSON.stringify(op.requestBody, null, 2))}</pre></details>` : ''}</section>`;
    })
    .join('\n');
  const info = openapi['info'] as { title?: string; description?: string } | undefined;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info?.title)} — API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2433}
h2{font-size:1.05rem;margin:1.6rem 0 .3rem}.m{display:inline-block;min-width:4.5em;color:#fff;background:#2b5d9b;border-radius:4px;padding:0 .4em;font-size:.85em;text-align:center}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #d5dae3;padding:.25rem .5rem;text-align:left;vertical-align:top}
code{font-size:.9em;word-break:break-word}pre{background:#f4f6fa;padding:.6rem;overflow:auto}</style></head>
<body><h1>${esc(info?.title)}</h1><p>${esc(info?.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors answer <code>{ "error": { "code", "message", "details" } }</code>.</p>${sections}</body></html>`;
}
