// cytoscape-svg ships no types; it registers `cy.svg(options)` when passed to `cytoscape.use()` (used only by
// the lazily loaded graph/export.ts).
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svgExtension: Ext;
  export default svgExtension;
}

declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

// The package ships types but its "exports" map hides them from bundler resolution; point at them.
declare module '@neo4j-cypher/react-codemirror' {
  export { CypherEditor } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
  export type { CypherEditorProps } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
}

declare module '*.css';
