// Where places would help (commissioners): one more place in existing homes and new homes of each kind, from the
// latest co-operative run, on the map and in a ranked list (more children placed first, then the larger fall in cost).
import { api } from './api.js';
import { el, replace, statusLine, words } from './dom.js';
import { createMap, addPrecisionNote, addLegend } from './basemap.js';

export function showCapacity(page, context) {
  const list = el('section', { id: 'capacity-list', 'aria-live': 'polite', 'aria-labelledby': 'capacity-heading' });
  const mapElement = el('div', { id: 'capacity-map', class: 'map', role: 'region', 'aria-label': 'Map of where places would help' });
  replace(page,
    el('h1', {}, 'Where places would help'),
    el('p', { class: 'lede' }, 'What one more place in a home, or a new home of a kind, would change for the children ',
      'the latest co-operative run could not place well: each option is confirmed by re-solving the run with it.'),
    el('div', { class: 'split split-wide-map' }, el('div', { class: 'map-column' }, mapElement),
      el('div', { class: 'run-column' }, list)));
  const map = createMap(mapElement, context);
  addPrecisionNote(map, 'New-home sites shown to about 1 km');
  addLegend(map, [['swatch-proposed', 'One more place in this home'], ['swatch-family', 'A new home here']]);
  const layer = L.layerGroup().addTo(map);
  load(list, layer, context);
  return () => map.remove();
}

async function load(list, layer, context) {
  replace(list, statusLine('Working out where places would help… (a few seconds after each new run)'));
  let options;
  try {
    options = await api.get('/api/capacity/options');
  } catch (error) {
    replace(list, el('h2', { id: 'capacity-heading' }, 'No options yet'), statusLine(error.message, 'error'));
    return;
  }
  const rows = options.options.map(row => ({ rank: row.rank, ...row.option }));
  replace(list,
    el('h2', { id: 'capacity-heading' }, 'From run ' + options.runId + ': ' + options.placed + ' of ' + options.planned + ' placed'),
    section('One more place in an existing home', rows.filter(r => r.option === 'EXTRA_PLACE'), context),
    section('A new home', rows.filter(r => r.option === 'NEW_HOME'), context));
  rows.forEach(row => {
    const marker = L.circleMarker([row.lat, row.lon], {
      radius: 6 + 3 * Math.min(3, row.placedDelta),
      className: row.option === 'EXTRA_PLACE' ? 'marker-proposed' : 'marker-family'
    }).bindTooltip(describe(row, context));
    marker.addTo(layer);
  });
}

function section(title, rows, context) {
  if (rows.length === 0) {
    return el('section', {}, el('h3', {}, title), el('p', {}, 'No option here would place more children or lower the cost.'));
  }
  return el('section', {}, el('h3', {}, title),
    el('table', { class: 'capacity-table' },
      el('thead', {}, el('tr', {}, ...['Rank', 'Option', 'Council', 'Placed more', 'Cost change (points)', 'km change',
        'Sibling groups together', 'In own council'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map(row => el('tr', { 'data-option': row.option },
        el('td', {}, String(row.rank)),
        el('td', {}, describe(row, context)),
        el('td', {}, context.councilName(row.authorityCode)),
        el('td', {}, signed(row.placedDelta)),
        el('td', {}, signed(row.softCostDelta)),
        el('td', {}, signed(row.kmDelta)),
        el('td', {}, signed(row.siblingsTogetherDelta)),
        el('td', {}, signed(row.ownCouncilDelta)))))));
}

function describe(row, context) {
  return row.option === 'EXTRA_PLACE'
    ? 'One more place in ' + row.site + ' (' + row.homeId + ', ' + words(row.kind) + ')'
    : 'New ' + words(row.kind) + ' (' + row.places + ' places, ages ' + row.minAge + '–' + row.maxAge + ') at ' + row.site;
}

function signed(value) {
  return (value > 0 ? '+' : '') + value;
}
