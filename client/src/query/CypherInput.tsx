import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useEffect, useMemo, useState } from 'react';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { SchemaResponse } from '../api/types';

interface Props {
  /** The text to load; changing it replaces what is in the editor. */
  initialValue: string;
  onChange(value: string): void;
  schema: SchemaResponse | null;
  onRun(): void;
  /** Accessible name of the editor. */
  label?: string;
}

/** The theme the page shows: `<html data-theme>` when set, else the OS setting; followed as either changes. */
function usePageTheme(): 'light' | 'dark' {
  const read = (): 'light' | 'dark' => {
    const forced = document.documentElement.dataset.theme;
    if (forced === 'light' || forced === 'dark') return forced;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  };
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const update = () => setTheme(read());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', update);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', update);
    };
  }, []);
  return theme;
}

/** Each name once, in the schema's order: the completion list shows what it is given, duplicates included. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Cypher editor with highlighting and completion of labels, relationship types and property keys from the live schema. */
export default function CypherInput({ initialValue, onChange, schema, onRun, label }: Props) {
  const theme = usePageTheme();
  // The editor expects labels and types with their leading colon, as they are typed.
  const editorSchema = useMemo(
    () =>
      schema
        ? {
            labels: unique(schema.labels.map((l) => `:${l.label}`)),
            relationshipTypes: unique(schema.relationshipTypes.map((r) => `:${r.type}`)),
            propertyKeys: unique(schema.propertyKeys),
          }
        : undefined,
    [schema],
  );
  return (
    <div className="cypher-input" data-testid="cypher-editor" role="group" aria-label={label}>
      <CypherEditor
        value={initialValue}
        onValueChanged={(v: string) => onChange(v)}
        schema={editorSchema}
        autofocus={false}
        autofocusProps={[]}
        lineNumbers
        lineWrapping
        theme={theme}
        placeholder="MATCH (a:Actor)-[r]->(b) RETURN a, r, b LIMIT 25"
        onKeyDown={(e: KeyboardEvent) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            onRun();
          }
        }}
      />
    </div>
  );
}
