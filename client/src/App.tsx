import { useEffect, useState } from 'react';
import type { HealthResponse } from '../../server/routes/health';

type Health = { state: 'loading' } | { state: 'ok'; health: HealthResponse } | { state: 'error'; message: string };

/** The explorer's shell; the network view and the query workspace mount here. */
export function App() {
  const [health, setHealth] = useState<Health>({ state: 'loading' });
  useEffect(() => {
    fetch('/api/health')
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
        setHealth({ state: 'ok', health: body as HealthResponse });
      })
      .catch((err: unknown) => setHealth({ state: 'error', message: err instanceof Error ? err.message : String(err) }));
  }, []);
  return (
    <main>
      <h1>Digital förvaltning — grafutforskare</h1>
      <p role="status" data-testid="db-status">
        {health.state === 'loading' && 'Ansluter till databasen …'}
        {health.state === 'ok' && `Neo4j ${health.health.neo4j.version} svarar.`}
        {health.state === 'error' && `Databasen svarar inte: ${health.message}`}
      </p>
    </main>
  );
}
