import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useMemo } from 'react';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { SchemaResponse } from '../api/types';

interface Props {
  /** The text to load; changing it replaces what is in the editor. */
  initialValue: string;
  onChange(value: string): void;
  schema: SchemaResponse | null;
  onRun(): void;
}

/** Cypher editor with highlighting and completion of labels, relationship types and property keys from the live schema. */
export default function CypherInput({ initialValue, onChange, schema, onRun }: Props) {
  // The editor expects labels and types with their leading colon, as they are typed.
  const editorSchema = useMemo(
    () =>
      schema
        ? {
            labels: schema.labels.map((l) => `:${l.label}`),
            relationshipTypes: schema.relationshipTypes.map((r) => `:${r.type}`),
            propertyKeys: schema.propertyKeys,
          }
        : undefined,
    [schema],
  );
  return (
    <div className="cypher-input" data-testid="cypher-editor">
      <CypherEditor
        value={initialValue}
        onValueChanged={(v: string) => onChange(v)}
        schema={editorSchema}
        autofocus={false}
        autofocusProps={[]}
        lineNumbers
        lineWrapping
        theme="light"
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
