import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, runReportHtml } from '../api/client';
import type { RunListing } from '../api/types';
import { compareRuns, ComparisonRow, RunSummary } from './compare-runs';
import { localeFormat } from '../format/locale-format';

/** Simulator runs: pick one to read its report, two to compare them side by side. */
export function ResearchScreen({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const [runs, setRuns] = useState<RunListing[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [summaries, setSummaries] = useState<Record<string, RunSummary>>({});
  const [error, setError] = useState<string>();
  const format = localeFormat(locale);

  useEffect(() => {
    api
      .runs()
      .then((list) => {
        setRuns(list);
        setSelected(list.slice(0, 1).map((r) => r.id));
      })
      .catch((e: ApiError) => setError(e.message));
  }, []);

  useEffect(() => {
    for (const id of selected)
      if (!summaries[id])
        api
          .runSummary(id)
          .then((s) => setSummaries((all) => ({ ...all, [id]: s })))
          .catch((e: ApiError) => setError(e.message));
  }, [selected, summaries]);

  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2),
    );
  const cell = (row: ComparisonRow, value?: number) =>
    value === undefined ? '—' : row.unit === 'fen' ? format.yuan(value) : format.number(value);
  const [a, b] = selected;
  const rows = a && b && summaries[a] && summaries[b] ? compareRuns(summaries[a], summaries[b]) : [];

  return (
    <div className="research">
      {error && <p className="field-error">{t('errors.server', { message: error })}</p>}
      <section className="panel">
        <h2>{t('research.runs')}</h2>
        {runs.length === 0 ? (
          <p className="muted">{t('research.none')}</p>
        ) : (
          <table data-testid="runs">
            <thead>
              <tr>
                <th />
                <th>{t('research.run')}</th>
                <th>{t('research.scenario')}</th>
                <th>{t('research.seed')}</th>
                <th>{t('research.years')}</th>
                <th>{t('research.finished')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td>
                    <input
                      type="checkbox"
                      name={`run-${run.id}`}
                      checked={selected.includes(run.id)}
                      onChange={() => toggle(run.id)}
                    />
                  </td>
                  <td>{run.id}</td>
                  <td>{run.name}</td>
                  <td>{run.seed}</td>
                  <td>{run.years.join(', ')}</td>
                  <td>{format.dateTime(run.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">{t('research.hint')}</p>
      </section>
      {rows.length > 0 && (
        <section className="panel">
          <h2>{t('research.compare', { a, b })}</h2>
          <table data-testid="comparison">
            <thead>
              <tr>
                <th />
                <th>{a}</th>
                <th>{b}</th>
                <th>{t('research.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.key}-${row.params.year}-${row.params.market}`}>
                  <td>{t(row.key, row.params)}</td>
                  <td>{cell(row, row.a)}</td>
                  <td>{cell(row, row.b)}</td>
                  <td>{cell(row, row.diff)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className={selected.length === 2 ? 'reports two' : 'reports'}>
        {selected.map((id) => (
          <RunReport key={id} runId={id} title={t('research.report', { id })} />
        ))}
      </div>
    </div>
  );
}

/** A run's report in a frame: its HTML is fetched with the signed-in user's token, then shown. */
function RunReport({ runId, title }: { runId: string; title: string }) {
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    runReportHtml(runId)
      .then((text) => current && setHtml(text))
      .catch((e: ApiError) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [runId]);
  if (error) return <p className="field-error">{error}</p>;
  return html === undefined ? null : <iframe title={title} data-testid={`report-${runId}`} srcDoc={html} />;
}
