import { useClientTool } from '@platosdev/client/react';
import { useState } from 'react';
import * as v from 'valibot';

const regions = ['Europe', 'Asia', 'Americas', 'Africa', 'Oceania'] as const;

export interface TripFilters {
  region: (typeof regions)[number];
  budget: number;
  days: number;
}

const readFiltersParameters = v.object({
  fields: v.pipe(v.array(v.picklist(['region', 'budget', 'days'])), v.minLength(1)),
});

/**
 * Filters the user sets on the page, and the browser-side tool `read_filters` through which the agent reads them
 * (ask "browser ..." in the demo). The tool runs here, in the page, not on the server.
 */
export function TripFiltersPanel() {
  const [filters, setFilters] = useState<TripFilters>({ region: 'Europe', budget: 1500, days: 3 });
  const [reads, setReads] = useState(0);

  useClientTool({
    name: 'read_filters',
    description: 'Reads the trip filters the user set on the page: region, budget in euros, number of days.',
    parameters: readFiltersParameters,
    execute: async ({ fields }, { signal }) => {
      setReads((count) => count + 1);
      // Long enough to see the card say "Running in your browser", and to cut the network meanwhile.
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 1200);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
      return Object.fromEntries(fields.map((field) => [field, filters[field]]));
    },
    render: ({ state, args, result, error }) => (
      <p className="demo-tool-note">
        {state === 'running' && (args ? `Reading ${args.fields.join(', ')} from your filters…` : 'Reading your filters…')}
        {state === 'succeeded' && `Shared with the agent: ${Object.entries(result ?? {}).map(([key, value]) => `${key} ${String(value)}`).join(', ')}.`}
        {state === 'failed' && `Not shared: ${error?.message ?? 'the tool failed'}`}
        {state === 'cancelled' && 'The agent stopped waiting.'}
      </p>
    ),
  });

  return (
    <section className="demo-panel" aria-labelledby="trip-filters-title">
      <h2 id="trip-filters-title">Trip filters</h2>
      <p className="demo-panel-note">The agent reads these through a tool that runs in this page.</p>
      <p className="demo-panel-note" aria-live="polite" data-reads={reads}>
        Read by the agent {reads === 1 ? 'once' : `${reads} times`}
      </p>
      <label>
        Region
        <select value={filters.region} onChange={(event) => setFilters({ ...filters, region: event.target.value as TripFilters['region'] })}>
          {regions.map((region) => (
            <option key={region}>{region}</option>
          ))}
        </select>
      </label>
      <label>
        Budget (EUR)
        <input type="number" min={0} step={100} value={filters.budget} onChange={(event) => setFilters({ ...filters, budget: Number(event.target.value) })} />
      </label>
      <label>
        Days
        <input type="number" min={1} max={30} value={filters.days} onChange={(event) => setFilters({ ...filters, days: Number(event.target.value) })} />
      </label>
    </section>
  );
}
