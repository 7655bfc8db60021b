// Sufficiency (board members and commissioners): forecast runs, a form to try a named scenario on a run, and the
// baseline and scenarios side by side. Aggregates only.
import { api } from './api.js';
import { el, replace, statusLine, formatMoney, words } from './dom.js';

const CATEGORIES = ['FOSTER', 'RESIDENTIAL', 'SUPPORTED', 'ALL'];

function runRow(run, choose) {
  return el('tr', {},
    el('th', { scope: 'row' }, run.name),
    el('td', {}, words(run.status)),
    el('td', {}, words(run.reviewStatus)),
    el('td', {}, run.status === 'FINISHED'
      ? el('a', { href: '/sufficiency/runs/' + run.id + '/report' }, 'Report') : '—'),
    el('td', {}, run.status === 'FINISHED'
      ? el('button', { type: 'button', class: 'button-secondary', 'data-run': run.id, onclick: () => choose(run) },
        'Scenarios') : ''));
}

function figureText(figures) {
  if (!figures) return '—';
  const gap = figures.gap === null || figures.gap === undefined ? '' : ', gap ' + Math.round(figures.gap);
  const spend = figures.spendP50 === null || figures.spendP50 === undefined ? ''
    : ', ' + formatMoney(figures.spendP50) + ' in ' + figures.financialYear;
  return figures.placesNeeded + ' needed (median ' + Math.round(figures.median) + ')' + gap + spend;
}

function comparisonTable(comparison) {
  const names = comparison.scenarios.map(s => s.name);
  const rows = comparison.rows.filter(row => CATEGORIES.includes(row.category));
  return el('table', { id: 'scenario-comparison' },
    el('caption', {}, 'Places needed at ' + Math.round(comparison.confidence * 100)
      + '% confidence, gap against projected places and spend'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Year end'), el('th', { scope: 'col' }, 'Category'),
      names.map(name => el('th', { scope: 'col' }, name)))),
    el('tbody', {}, rows.map(row => el('tr', {},
      el('th', { scope: 'row' }, row.month), el('td', {}, words(row.category)),
      names.map(name => el('td', {}, figureText(row.scenarios[name])))))));
}

function scenarioForm(run, onAdded) {
  const status = el('div', { 'aria-live': 'polite' });
  const field = (id, label, attributes) => el('p', {}, el('label', { for: id }, label), ' ',
    el('input', Object.assign({ id, name: id }, attributes)));
  const form = el('form', { id: 'scenario-form', novalidate: true },
    el('h3', {}, 'Try a scenario'),
    field('scenario-name', 'Name', { type: 'text', required: true, maxlength: 64 }),
    field('scenario-entry', 'Change in entries to care (%)', { type: 'number', step: '1', value: '0', min: '-90', max: '200' }),
    field('scenario-stepdown', 'Children\'s home placements stepped down to foster care each year (%)',
      { type: 'number', step: '1', value: '0', min: '0', max: '100' }),
    field('scenario-recruit', 'Net foster places recruited each year', { type: 'number', step: '1', value: '0' }),
    el('button', { type: 'submit' }, 'Add scenario'), status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = id => Number(form.querySelector('#' + id).value || 0);
    try {
      await api.post('/api/sufficiency/runs/' + run.id + '/scenarios', {
        name: form.querySelector('#scenario-name').value.trim(),
        entryRateChange: value('scenario-entry') / 100,
        stepDownShare: value('scenario-stepdown') / 100,
        fosterRecruitment: value('scenario-recruit')
      });
      replace(status, statusLine('Scenario added; its figures appear below when computed.'));
      onAdded();
    } catch (error) {
      replace(status, statusLine(error.message, 'error'));
    }
  });
  return form;
}

async function showComparison(area, run) {
  let timer = null;
  const table = el('div', {});
  const refresh = async () => {
    clearTimeout(timer);
    try {
      const comparison = await api.get('/api/sufficiency/runs/' + run.id + '/comparison?authority=ALL');
      replace(table, comparisonTable(comparison),
        comparison.pending.length ? statusLine('Still computing or failed: ' + comparison.pending.join(', ')) : '',
        el('p', {}, el('a', { href: '/api/sufficiency/runs/' + run.id + '/comparison.csv' }, 'Download as CSV')));
      if (comparison.pending.some(p => p.endsWith('(running)'))) timer = setTimeout(refresh, 2000);
    } catch (error) {
      replace(table, statusLine(error.message, 'error'));
    }
  };
  const editable = ['DRAFT', 'IN_REVIEW'].includes(run.reviewStatus);
  replace(area, el('h2', {}, 'Scenarios: ' + run.name),
    editable ? scenarioForm(run, refresh) : statusLine('This run is ' + words(run.reviewStatus).toLowerCase()
      + '; its scenarios can no longer change.'),
    el('h3', {}, 'Co-operative: baseline and scenarios side by side'), table);
  await refresh();
  return () => clearTimeout(timer);
}

/** The server's SVG chart as a node: parsed as XML, never as HTML, and drawn inline so it scales and reads out. */
function chartNode(svg) {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return document.importNode(parsed.documentElement, true);
}

/** The latest published strategy (or latest finished run): its headline figures in words and its main chart. */
function overviewSection(overview) {
  if (!overview) return statusLine('No forecast has finished yet.');
  const published = overview.reviewStatus === 'PUBLISHED';
  const report = '/sufficiency/runs/' + overview.runId + '/report';
  return el('section', { id: 'overview', 'aria-labelledby': 'overview-heading' },
    el('h2', { id: 'overview-heading' }, (published ? 'Latest published strategy: ' : 'Latest forecast, not yet published: ')
      + overview.name),
    overview.summary.map(sentence => el('p', { class: 'headline' }, sentence)),
    overview.chartSvg ? el('figure', { class: 'overview-chart' },
      el('figcaption', {}, overview.chartTitle), chartNode(overview.chartSvg),
      el('p', { class: 'chart-text' }, overview.chartText)) : '',
    el('p', {}, el('a', { href: report }, 'Read the full report'), ' · ',
      el('a', { href: '/api/sufficiency/runs/' + overview.runId + '/report.pdf' }, 'PDF'), ' · ',
      el('a', { href: '/api/sufficiency/runs/' + overview.runId + '/report.xlsx' }, 'Excel workbook')));
}

export async function showSufficiency(page) {
  const area = el('section', { id: 'scenario-area' });
  replace(page, el('h1', {}, 'Sufficiency planning'), statusLine('Loading forecast runs…'));
  let leave = () => {};
  try {
    const [overview, runs] = await Promise.all([api.get('/api/sufficiency/overview'), api.get('/api/sufficiency/runs')]);
    const choose = async run => { leave(); leave = await showComparison(area, run); };
    replace(page, el('h1', {}, 'Sufficiency planning'), overviewSection(overview),
      el('h2', {}, 'Forecast runs'),
      runs.length === 0 ? statusLine('No forecast runs yet.') : el('table', { id: 'forecast-runs' },
        el('caption', {}, 'Forecast runs'),
        el('thead', {}, el('tr', {}, ['Name', 'Status', 'Review', 'Report', 'Scenarios']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, runs.map(run => runRow(run, choose)))),
      area);
  } catch (error) {
    replace(page, el('h1', {}, 'Sufficiency planning'), statusLine(error.message, 'error'));
  }
  return () => leave();
}
