// Co-operative run (commissioners): start a matching run over every member council's waiting children, watch it,
// stop it, then review its proposals on the map and the before/after figures.
import { api } from './api.js';
import { el, replace, statusLine, formatMoney } from './dom.js';
import { createMap, addPrecisionNote, addLegend } from './basemap.js';

const POLL_MILLISECONDS = 1500;
const ACTIVE = ['RUNNING', 'QUEUED', 'STARTING'];
const STATUS_WORDS = {
  RUNNING: 'Running', QUEUED: 'Waiting to start', STARTING: 'Starting', FINISHED: 'Finished',
  STOPPED: 'Stopped early (best plan so far kept)', FAILED: 'Failed'
};

export function showRun(page, context) {
  const view = {
    context, pollTimer: null, left: false,
    seconds: el('input', { id: 'run-seconds', type: 'number', min: '5', max: '3600', value: '30', inputmode: 'numeric' }),
    startButton: el('button', { type: 'submit', id: 'start-run' }, 'Start a run'),
    stopButton: el('button', { type: 'button', id: 'stop-run', class: 'button-warning', hidden: true }, 'Stop the run'),
    progress: el('section', { id: 'run-progress', class: 'run-progress', 'aria-live': 'polite', 'aria-labelledby': 'progress-heading' }),
    message: el('div', { 'aria-live': 'assertive' }),
    review: el('section', { id: 'run-review', 'aria-labelledby': 'review-heading' }),
    mapElement: el('div', { id: 'run-map', class: 'map', role: 'region', 'aria-label': 'Map of proposed placements' })
  };
  const form = el('form', { class: 'run-form' },
    el('label', { for: 'run-seconds' }, 'Time to search, in seconds'), view.seconds, view.startButton, view.stopButton);
  form.addEventListener('submit', event => { event.preventDefault(); startRun(view); });
  view.stopButton.addEventListener('click', () => stopRun(view));
  replace(page,
    el('h1', {}, 'Co-operative run'),
    el('p', { class: 'lede' }, 'A run proposes a home for every waiting child of every member council at once, ',
      'sharing places fairly. Officers still decide each placement.'),
    form, view.message,
    el('div', { class: 'split split-wide-map' }, el('div', { class: 'map-column' }, view.mapElement),
      el('div', { class: 'run-column' }, view.progress, view.review)));
  view.map = createMap(view.mapElement, context);
  addPrecisionNote(view.map, 'Family homes shown to about 1 km');
  addLegend(view.map, [['swatch-near', 'Within 20 miles of family home'], ['swatch-far', 'Beyond 20 miles'],
    ['swatch-family', 'Family home (approximate)'], ['swatch-proposed', 'Proposed home']]);
  view.proposalLayer = L.layerGroup().addTo(view.map);
  loadLatest(view);
  return () => { view.left = true; clearTimeout(view.pollTimer); view.map.remove(); };
}

async function loadLatest(view) {
  replace(view.progress, statusLine('Loading the latest run…'));
  try {
    const runs = await api.get('/api/matching/runs');
    if (!runs || runs.length === 0) {
      replace(view.progress, el('h2', { id: 'progress-heading' }, 'No runs yet'),
        el('p', {}, 'Start a run to see proposals for the co-operative’s waiting children.'));
      replace(view.review);
      return;
    }
    follow(view, runs[0]);
  } catch (error) {
    replace(view.progress, statusLine('Could not load the runs: ' + error.message, 'error'));
  }
}

async function startRun(view) {
  const seconds = Number(view.seconds.value);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) {
    showMessage(view, 'error', 'Enter a whole number of seconds between 5 and 3600.');
    view.seconds.focus();
    return;
  }
  view.startButton.disabled = true;
  try {
    const run = await api.post('/api/matching/runs', { seconds });
    showMessage(view, 'success', 'Run ' + run.runId + ' started.');
    follow(view, run);
  } catch (error) {
    view.startButton.disabled = false;
    showMessage(view, 'error', 'The run did not start: ' + error.message);
  }
}

async function stopRun(view) {
  view.stopButton.disabled = true;
  try {
    const run = await api.post('/api/matching/runs/' + view.runId + '/stop');
    showMessage(view, 'success', 'Stop requested for run ' + view.runId + '. The best plan found so far is kept.');
    follow(view, run);
  } catch (error) {
    view.stopButton.disabled = false;
    showMessage(view, 'error', 'The run could not be stopped: ' + error.message);
  }
}

/** Shows a run's progress; polls while it is active, then loads its review. */
function follow(view, run) {
  clearTimeout(view.pollTimer);
  view.runId = run.runId;
  showProgress(view, run);
  const active = ACTIVE.includes(run.status);
  view.startButton.disabled = active;
  view.stopButton.hidden = !active;
  view.stopButton.disabled = !active;
  if (active) {
    view.pollTimer = setTimeout(() => poll(view), POLL_MILLISECONDS);
  } else if (run.status === 'FINISHED' || run.status === 'STOPPED') {
    showReview(view, run);
  } else {
    replace(view.review);
  }
}

async function poll(view) {
  if (view.left) return;
  try {
    follow(view, await api.get('/api/matching/runs/' + view.runId));
  } catch (error) {
    showMessage(view, 'error', 'Lost touch with the run (' + error.message + '). Trying again…');
    view.pollTimer = setTimeout(() => poll(view), POLL_MILLISECONDS * 3);
  }
}

function showProgress(view, run) {
  const fact = (term, value, id) => [el('dt', {}, term), el('dd', { id }, value)];
  const count = n => (n === null || n === undefined ? '—' : String(n));
  replace(view.progress,
    el('h2', { id: 'progress-heading' }, 'Run ' + run.runId),
    el('dl', { class: 'facts run-facts' },
      fact('Status', STATUS_WORDS[run.status] || run.status, 'run-status'),
      fact('Time spent', Math.round(run.spentSeconds || 0) + ' s', 'run-time'),
      fact('Children placed so far', count(run.placed), 'run-placed'),
      fact('Without a home', count(run.unplaced), 'run-unplaced'),
      fact('Children in the run', count(run.planned), 'run-planned'),
      fact('Solver score', run.bestScore || '—', 'run-score')),
    run.error ? statusLine('The run failed: ' + run.error, 'error') : null);
}

async function showReview(view, run) {
  if (view.reviewedRunId === run.runId) return;
  view.reviewedRunId = run.runId;
  replace(view.review, el('h2', { id: 'review-heading' }, 'Proposals of run ' + run.runId), statusLine('Loading the proposals…'));
  try {
    const [proposals, figures] = await Promise.all([
      api.get('/api/matching/runs/' + run.runId + '/proposals'),
      api.get('/api/matching/runs/' + run.runId + '/figures').catch(() => null)]);
    if (view.left) return;
    drawProposals(view, proposals);
    replace(view.review, el('h2', { id: 'review-heading' }, 'Proposals of run ' + run.runId),
      proposalSummary(proposals), figures ? figuresTable(figures) : statusLine('This run has no before/after figures.'),
      proposalTable(view, proposals));
  } catch (error) {
    view.reviewedRunId = null;
    replace(view.review, el('h2', { id: 'review-heading' }, 'Proposals'), statusLine('Could not load the proposals: ' + error.message, 'error'));
  }
}

function drawProposals(view, proposals) {
  view.proposalLayer.clearLayers();
  const points = [];
  proposals.filter(p => p.homeId && p.familyHome).forEach(p => {
    const family = [p.familyHome.lat, p.familyHome.lon];
    const home = [p.homeLat, p.homeLon];
    const near = p.within20Miles;
    L.polyline([family, home], { className: near ? 'line-near' : 'line-far', color: near ? '#00703c' : '#d4351c',
      weight: 2, opacity: 0.8, dashArray: near ? null : '6 4' })
      .bindTooltip(p.childId + ' → ' + p.homeName + ', ' + p.distanceKm + ' km').addTo(view.proposalLayer);
    L.circleMarker(family, { radius: 3, color: '#1d70b8', fillOpacity: 1, weight: 1 }).addTo(view.proposalLayer);
    L.circleMarker(home, { radius: 4, color: '#0b0c0c', fillColor: '#ffffff', fillOpacity: 1, weight: 2 }).addTo(view.proposalLayer);
    points.push(family, home);
  });
  if (points.length) view.map.fitBounds(L.latLngBounds(points).pad(0.05));
}

function proposalSummary(proposals) {
  const placed = proposals.filter(p => p.homeId);
  const near = placed.filter(p => p.within20Miles).length;
  return el('p', { id: 'proposal-summary' }, placed.length + ' of ' + proposals.length + ' children have a proposed home; '
    + near + ' within 20 miles of their family home, ' + (placed.length - near) + ' beyond.');
}

const FIGURES = [
  ['within20MilesShare', 'Placed within 20 miles of family home', 'share'],
  ['outsideCouncilShare', 'Placed outside their own council', 'share'],
  ['siblingGroupsSplit', 'Sibling groups split', 'count'],
  ['meanKmToSchool', 'Average distance to school', 'km'],
  ['weeklyCost', 'Weekly cost of placements', 'money']
];

function formatFigure(value, kind) {
  if (value === null || value === undefined) return '—';
  if (kind === 'share') return (value * 100).toFixed(0) + '%';
  if (kind === 'km') return Number(value).toFixed(1) + ' km';
  if (kind === 'money') return formatMoney(value);
  return String(value);
}

function figuresTable(figures) {
  return el('table', { id: 'run-figures', class: 'figures' },
    el('caption', {}, 'Before and after this run, whole co-operative'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Measure'), el('th', { scope: 'col', class: 'number' }, 'Before'),
      el('th', { scope: 'col', class: 'number' }, 'After'))),
    el('tbody', {}, FIGURES.map(([key, label, kind]) => el('tr', {}, el('th', { scope: 'row' }, label),
      el('td', { class: 'number' }, formatFigure(figures.before && figures.before[key], kind)),
      el('td', { class: 'number' }, formatFigure(figures.after && figures.after[key], kind))))));
}

function proposalTable(view, proposals) {
  return el('details', { class: 'proposal-list' }, el('summary', {}, 'Every proposal (' + proposals.length + ')'),
    el('div', { class: 'table-holder scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Child', 'Council', 'Proposed home', 'Distance'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, proposals.map(p => el('tr', {},
        el('th', { scope: 'row' }, el('a', { href: '#/child/' + encodeURIComponent(p.childId) }, p.childId)),
        el('td', {}, view.context.councilName(p.authorityCode)),
        el('td', {}, p.homeId ? p.homeName : 'No home found'),
        el('td', { class: 'number' }, p.distanceKm === null || p.distanceKm === undefined ? '—'
          : p.distanceKm + ' km' + (p.within20Miles ? '' : ' (beyond 20 miles)'))))))));
}

function showMessage(view, kind, text) {
  replace(view.message, el('p', { class: 'banner banner-' + kind, role: kind === 'error' ? 'alert' : 'status' }, text));
}
