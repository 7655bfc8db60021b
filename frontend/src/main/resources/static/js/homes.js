// Homes register: every home of the co-operative on a map, filtered by kind, provider, council, vacancies, needs
// met and age, clustered when zoomed out, with the selected home's details and occupancy beside the map.
import { api } from './api.js';
import { el, replace, statusLine, words, formatMoney, formatDate } from './dom.js';
import { createMap, addLegend } from './basemap.js';
import { clusteredLayer } from './cluster.js';

export function showHomes(page, context) {
  const view = { context, homes: [], selectedId: null,
    filters: el('form', { id: 'home-filters', class: 'filters', 'aria-label': 'Filter homes' }, statusLine('Loading the homes…')),
    count: el('p', { id: 'homes-count', role: 'status' }),
    panel: el('aside', { id: 'home-panel', class: 'home-panel', 'aria-labelledby': 'home-panel-heading', tabindex: '-1' }),
    mapElement: el('div', { id: 'homes-map', class: 'map', role: 'region', 'aria-label': 'Map of homes' })
  };
  replace(page, el('h1', {}, 'Homes register'), view.filters, view.count,
    el('div', { class: 'split' }, el('div', { class: 'map-column' }, view.mapElement), view.panel));
  view.map = createMap(view.mapElement, context);
  addLegend(view.map, [['swatch-vacant', 'Home with places free'], ['swatch-full', 'Home that is full'],
    ['swatch-stale', 'Vacancy not confirmed lately (ringed)'], ['swatch-cluster', 'Several homes: select to zoom in']]);
  view.markers = clusteredLayer(view.map, home => homeMarker(view, home));
  load(view);
  return () => { view.left = true; view.map.remove(); };
}

async function load(view) {
  try {
    view.homes = await api.get('/api/homes');
  } catch (error) {
    replace(view.filters, statusLine('Could not load the homes: ' + error.message, 'error'));
    return;
  }
  if (view.left) return; // the page was left while the homes were loading
  if (view.homes.length === 0) {
    replace(view.filters, statusLine('The register has no homes yet. A commissioner adds them by importing a data set.'));
    return;
  }
  buildFilters(view);
  // Open on the member councils' homes: a few homes far away in other councils would make the map unreadable.
  const members = view.context.cooperative.authorities.filter(a => a.member).map(a => a.authorityCode);
  const local = view.homes.filter(h => members.includes(h.authorityCode));
  view.map.fitBounds(L.latLngBounds((local.length ? local : view.homes).map(h => [h.lat, h.lon])).pad(0.05),
    { animate: false });
  applyFilters(view);
}

function distinct(values) {
  return [...new Set(values.filter(Boolean))].sort();
}

function select(id, label, options, anyText) {
  return el('div', { class: 'field' }, el('label', { for: id }, label),
    el('select', { id, name: id }, el('option', { value: '' }, anyText),
      options.map(([value, text]) => el('option', { value }, text))));
}

function buildFilters(view) {
  const homes = view.homes;
  const councils = distinct(homes.map(h => h.authorityCode)).map(code => [code, view.context.councilName(code)]);
  replace(view.filters,
    select('filter-kind', 'Kind', distinct(homes.map(h => h.kind)).map(k => [k, words(k)]), 'Any kind'),
    select('filter-provider', 'Provider', distinct(homes.map(h => h.provider)).map(p => [p, words(p)]), 'Any provider'),
    select('filter-council', 'Council', councils, 'Any council'),
    select('filter-need', 'Meets need', distinct(homes.flatMap(h => h.needsMet || [])).map(n => [n, words(n)]), 'Any needs'),
    el('div', { class: 'field' }, el('label', { for: 'filter-age' }, 'Takes a child aged'),
      el('input', { id: 'filter-age', name: 'filter-age', type: 'number', min: '0', max: '25', inputmode: 'numeric' })),
    el('div', { class: 'field field-check' },
      el('input', { id: 'filter-vacant', name: 'filter-vacant', type: 'checkbox' }),
      el('label', { for: 'filter-vacant' }, 'Places free now')),
    el('div', { class: 'field field-check' },
      el('input', { id: 'filter-stale', name: 'filter-stale', type: 'checkbox' }),
      el('label', { for: 'filter-stale' }, 'Vacancy not confirmed lately')),
    el('button', { type: 'reset', class: 'button-secondary' }, 'Clear filters'));
  view.filters.addEventListener('input', () => applyFilters(view));
  view.filters.addEventListener('change', () => applyFilters(view));
  view.filters.addEventListener('reset', () => setTimeout(() => applyFilters(view)));
  view.filters.addEventListener('submit', event => event.preventDefault());
}

function currentFilters() {
  const value = id => document.getElementById(id).value;
  const age = value('filter-age');
  return { kind: value('filter-kind'), provider: value('filter-provider'), council: value('filter-council'),
    need: value('filter-need'), age: age === '' ? null : Number(age),
    vacantOnly: document.getElementById('filter-vacant').checked,
    staleOnly: document.getElementById('filter-stale').checked };
}

export function matches(home, f) {
  return (!f.kind || home.kind === f.kind)
    && (!f.provider || home.provider === f.provider)
    && (!f.council || home.authorityCode === f.council)
    && (!f.need || (home.needsMet || []).includes(f.need))
    && (f.age === null || (home.minAge <= f.age && f.age <= home.maxAge))
    && (!f.vacantOnly || (home.vacancies > 0 && home.available !== false))
    && (!f.staleOnly || home.vacancyStale === true);
}

function applyFilters(view) {
  const filters = currentFilters();
  view.shown = view.homes.filter(home => matches(home, filters));
  view.markers.setItems(view.shown);
  const vacancies = view.shown.reduce((sum, h) => sum + Math.max(0, h.vacancies), 0);
  view.count.textContent = view.shown.length + ' of ' + view.homes.length + ' homes shown, with '
    + vacancies + (vacancies === 1 ? ' place' : ' places') + ' free.';
  if (!view.shown.some(h => h.homeId === view.selectedId)) showList(view);
}

function homeMarker(view, home) {
  const full = !(home.vacancies > 0 && home.available !== false);
  const marker = L.marker([home.lat, home.lon], {
    title: home.name + ': ' + (full ? 'full' : home.vacancies + ' places free')
      + (home.vacancyStale ? ' (vacancy not confirmed since ' + formatDate(home.vacancyConfirmedOn) + ')' : ''),
    icon: L.divIcon({ className: 'home-pin ' + (full ? 'home-full' : 'home-vacant')
      + (home.vacancyStale ? ' home-stale' : '')
      + (home.homeId === view.selectedId ? ' is-selected' : ''), html: '', iconSize: [18, 18] })
  });
  marker.on('click', () => selectHome(view, home));
  return marker;
}

function showList(view) {
  view.selectedId = null;
  const listed = view.shown.slice().sort((a, b) => b.vacancies - a.vacancies || a.name.localeCompare(b.name));
  replace(view.panel, el('h2', { id: 'home-panel-heading' }, 'Homes'),
    listed.length === 0 ? statusLine('No home matches these filters. Clear a filter to see more.')
      : el('p', { class: 'notice' }, 'Select a home on the map or in this list to see its details. Most places free first.'),
    el('ul', { class: 'home-list' }, listed.map(home => el('li', {},
      el('button', { type: 'button', class: 'link-button', onclick: () => selectHome(view, home) }, home.name),
      ' · ' + words(home.kind) + ' · ' + home.vacancies + ' of ' + home.places + ' free',
      home.vacancyStale ? el('span', { class: 'stale-flag' }, ' · vacancy not confirmed since '
        + formatDate(home.vacancyConfirmedOn)) : null))));
}

async function selectHome(view, summary) {
  view.selectedId = summary.homeId;
  view.markers.setItems(view.shown);
  replace(view.panel, el('h2', { id: 'home-panel-heading' }, summary.name), statusLine('Loading the home…'));
  let home = summary;
  try {
    // The register's summary carries the vacancy's status (confirmed when, stale, availability): keep it.
    home = { ...summary, ...(await api.get('/api/homes/' + encodeURIComponent(summary.homeId))) };
  } catch (error) {
    view.panel.append(statusLine('Showing the register’s summary: the latest details could not be loaded (' + error.message + ').', 'error'));
  }
  showDetails(view, home);
  view.panel.focus();
}

function showDetails(view, home) {
  const fact = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  const occupied = home.occupied ?? (home.places - home.vacancies);
  const meter = el('meter', { id: 'occupancy-meter', min: '0', max: String(home.places), value: String(occupied),
    'aria-label': 'Occupancy' }, occupied + ' of ' + home.places);
  replace(view.panel,
    el('p', {}, el('button', { type: 'button', class: 'link-button', onclick: () => { showList(view); view.markers.setItems(view.shown); } }, '← All homes shown')),
    el('h2', { id: 'home-panel-heading' }, home.name),
    el('p', { class: 'home-meta' }, words(home.kind) + ' · ' + words(home.provider) + ' · ' + view.context.councilName(home.authorityCode)),
    el('div', { class: 'occupancy' }, el('p', {}, occupied + ' of ' + home.places + ' places taken; '
      + home.vacancies + (home.vacancies === 1 ? ' place' : ' places') + ' free'
      + (home.available === false ? ' (not taking placements now)' : '') + '.'), meter),
    el('p', { class: home.vacancyStale ? 'stale-flag' : 'notice', id: 'vacancy-confirmed' },
      'Vacancy last confirmed ' + formatDate(home.vacancyConfirmedOn)
      + (home.vacancyStale ? ' — not confirmed lately: check with the provider before relying on it.' : '.')
      + (home.availability && home.availability !== 'AVAILABLE' ? ' ' + words(home.availability) + '.' : '')
      + (home.availableFrom ? ' Place free from ' + formatDate(home.availableFrom) + '.' : '')),
    // The map's register carries no sexes, pets or cost: shown only once the home's own details have loaded.
    el('dl', { class: 'facts' },
      fact('Ages', home.minAge + ' to ' + home.maxAge),
      home.sexes === undefined ? [] : fact('Takes', home.sexes === 'ANY' ? 'Any sex' : words(home.sexes)),
      fact('Needs met', (home.needsMet || []).length ? home.needsMet.map(words).join(', ') : 'None specialised'),
      home.pets === undefined ? [] : fact('Pets', home.pets ? 'Has pets' : 'No pets'),
      home.weeklyCost === undefined ? [] : fact('Weekly cost', formatMoney(home.weeklyCost)),
      fact('Reference', home.homeId)));
}
