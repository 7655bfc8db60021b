// A child's match view: the child's places and avoid zones on a map with the shortlisted homes, and beside it the
// ranked homes, each with its cost term by term, and the officer's decisions (accept, reject, choose another).
import { api } from './api.js';
import { el, replace, statusLine, words, formatDate } from './dom.js';
import { createMap, addPrecisionNote, addLegend } from './basemap.js';
import { kilometres, TWENTY_MILES_KM } from './geo.js';
import { latestProposals } from './proposals.js';

const SHORTLIST_LENGTH = 10;

export function showChild(page, context, childId) {
  const view = {
    context, childId,
    heading: el('h1', {}, 'Child ' + childId),
    facts: el('div', { class: 'child-facts' }, statusLine('Loading the child’s record…')),
    message: el('div', { id: 'decision-message', 'aria-live': 'polite' }),
    mapElement: el('div', { id: 'child-map', class: 'map', role: 'region', 'aria-label': 'Map of the child’s places and the shortlisted homes' }),
    listHolder: el('section', { class: 'shortlist', 'aria-labelledby': 'shortlist-heading' },
      el('h2', { id: 'shortlist-heading' }, 'Shortlisted homes'), statusLine('Loading the shortlist…')),
    map: null, homeLayer: null, placed: false
  };
  replace(page,
    el('p', { class: 'back' }, el('a', { href: '#/referrals' }, '← Back to referrals')),
    view.heading, view.facts, view.message,
    el('div', { class: 'split' }, el('div', { class: 'map-column' }, view.mapElement), view.listHolder));
  view.map = createMap(view.mapElement, context);
  addPrecisionNote(view.map, 'Locations shown to about 1 km');
  addLegend(view.map, [['swatch-family', 'Family home (approximate)'], ['swatch-school', 'School'],
    ['swatch-key', 'Key place'], ['swatch-avoid', 'Area to avoid'], ['swatch-ring', '20 miles from family home'],
    ['swatch-home', 'Shortlisted home (number = rank)']]);
  load(view);
  return () => { view.left = true; view.map.remove(); };
}

async function load(view) {
  let detail;
  try {
    detail = await api.get('/api/children/' + encodeURIComponent(view.childId));
  } catch (error) {
    replace(view.facts, statusLine('Could not load this child: ' + error.message, 'error'));
    replace(view.listHolder);
    return;
  }
  if (view.left) return; // the officer moved on while the record was loading
  view.detail = detail;
  showFacts(view, detail);
  drawChildPlaces(view, detail);
  // A proposal is a help, not a need: without one the officer still chooses from the shortlist.
  const latest = await latestProposals().catch(() => null);
  view.proposal = latest ? latest.byChild.get(view.childId) : null;
  view.runId = view.proposal ? latest.run.runId : null;
  await loadShortlist(view);
}

function showFacts(view, detail) {
  const child = detail.child;
  const fact = (term, value) => [el('dt', {}, term), el('dd', {}, value)];
  replace(view.facts, el('dl', { class: 'facts' },
    fact('Council', view.context.councilName(child.authorityCode)),
    fact('Age', String(child.age)),
    fact('Needs', child.needs && child.needs.length ? child.needs.map(words).join(', ') : 'None recorded'),
    fact('Placement kinds', (child.placementKinds || []).map(words).join(', ') || '—'),
    fact('Prefers', (detail.preferredKinds || []).map(words).join(', ') || 'No preference'),
    fact('Sibling group', child.siblingGroup ? child.siblingGroup + (detail.siblings && detail.siblings.length
      ? ' with ' + detail.siblings.join(', ') : '') : 'No'),
    fact('Days waiting', String(child.daysWaiting ?? '—')),
    fact('Needed by', formatDate(child.neededBy))));
}

function point(p) {
  return p && Number.isFinite(p.lat) && Number.isFinite(p.lon) ? [p.lat, p.lon] : null;
}

function pinIcon(css) {
  return L.divIcon({ className: 'map-pin ' + css, html: '', iconSize: [26, 26] });
}

/** A marker showing a short text (a letter or a rank number), keyboard-focusable with a title. */
function labelledMarker(latLon, css, text, title) {
  const marker = L.marker(latLon, { icon: pinIcon(css), title, keyboard: true });
  marker.on('add', () => marker.getElement().replaceChildren(el('span', { 'aria-hidden': 'true' }, text)));
  return marker;
}

function drawChildPlaces(view, detail) {
  const map = view.map;
  const bounds = [];
  detail.avoidZones.forEach(zone => {
    const centre = point(zone.centre);
    if (!centre) return;
    L.circle(centre, { radius: zone.radiusKm * 1000, className: 'avoid-zone', color: '#d4351c', weight: 2,
      dashArray: '6 4', fillColor: '#d4351c', fillOpacity: 0.15 })
      .bindTooltip('Area to avoid (' + zone.radiusKm + ' km)' + (zone.reason ? ': ' + zone.reason : '')).addTo(map);
    bounds.push(centre);
  });
  const family = point(detail.familyHome);
  if (family) {
    L.circle(family, { radius: TWENTY_MILES_KM * 1000, className: 'twenty-mile-ring', color: '#0b0c0c', weight: 2,
      dashArray: '2 6', fill: false, interactive: false }).addTo(map);
    labelledMarker(family, 'pin-family', 'F', 'Family home (approximate, to about 1 km)').addTo(map)
      .bindTooltip('Family home (approximate)');
    bounds.push(family);
  }
  const school = point(detail.school);
  if (school) {
    labelledMarker(school, 'pin-school', 'S', 'School (approximate)').addTo(map).bindTooltip('School (approximate)');
    bounds.push(school);
  }
  (detail.keyPlaces || []).forEach(place => {
    const at = point(place.at);
    if (!at) return;
    const label = words(place.kind) + (place.visitsPerMonth ? ', ' + place.visitsPerMonth + ' visits a month' : '');
    labelledMarker(at, 'pin-key', 'K', label).addTo(map).bindTooltip(label);
    bounds.push(at);
  });
  view.childBounds = bounds;
  if (family) map.fitBounds(L.latLng(family).toBounds(TWENTY_MILES_KM * 2200).extend(L.latLngBounds(bounds)), { animate: false });
}

async function loadShortlist(view) {
  let shortlist;
  try {
    shortlist = await api.get('/api/children/' + encodeURIComponent(view.childId) + '/shortlist?limit=' + SHORTLIST_LENGTH);
  } catch (error) {
    replace(view.listHolder, el('h2', { id: 'shortlist-heading' }, 'Shortlisted homes'),
      statusLine('Could not load the shortlist: ' + error.message, 'error'));
    return;
  }
  if (view.left) return;
  view.shortlist = shortlist;
  drawHomes(view, shortlist.candidates);
  showShortlist(view, shortlist);
}

function drawHomes(view, candidates) {
  if (view.homeLayer) view.homeLayer.remove();
  view.homeLayer = L.layerGroup().addTo(view.map);
  view.homeMarkers = new Map();
  candidates.forEach((home, index) => {
    const rank = index + 1;
    const marker = labelledMarker([home.lat, home.lon], 'pin-home', String(rank),
      'Rank ' + rank + ': ' + home.name + ', ' + home.vacancies + ' places free');
    marker.bindTooltip(rank + '. ' + home.name);
    marker.on('click', () => focusCard(view, home.homeId));
    marker.addTo(view.homeLayer);
    view.homeMarkers.set(home.homeId, marker);
  });
  const all = candidates.map(h => [h.lat, h.lon]).concat(view.childBounds || []);
  if (all.length) view.map.fitBounds(L.latLngBounds(all).pad(0.1), { animate: false });
}

function focusCard(view, homeId) {
  const card = document.getElementById('home-card-' + homeId);
  if (card) { card.scrollIntoView({ block: 'nearest' }); card.focus(); }
}

export function exclusionSummary(excluded) {
  if (!excluded || !excluded.total) return 'No homes were excluded.';
  const reasons = Object.entries(excluded.byReason || {}).sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => count + ' ' + reason);
  return excluded.total + (excluded.total === 1 ? ' home' : ' homes') + ' excluded: ' + reasons.join(', ');
}

function showShortlist(view, shortlist) {
  const items = shortlist.candidates.map((home, index) => homeCard(view, home, index + 1));
  replace(view.listHolder,
    el('h2', { id: 'shortlist-heading' }, 'Shortlisted homes'),
    el('p', { class: 'notice', id: 'exclusion-summary' }, shortlist.homesConsidered + ' homes considered. ' + exclusionSummary(shortlist.excluded)),
    view.proposal ? proposalNote(view) : null,
    offersNote(view, shortlist),
    items.length ? el('p', {}, 'Lowest cost first. Cost is in points: lower is a better match.') : null,
    items.length ? el('ol', { class: 'home-cards', id: 'shortlist' }, items)
      : statusLine('No home meets this child’s needs today. Widen the search with the commissioner, or look again when vacancies change.'));
}

/** Providers' offers for homes that did not make the list; offers of listed homes show on their cards. */
function offersNote(view, shortlist) {
  const listed = new Set(shortlist.candidates.map(c => c.homeId));
  const others = (shortlist.offers || []).filter(o => !listed.has(o.homeId));
  if (!others.length) return null;
  return el('div', { class: 'proposal-note', id: 'other-offers' },
    el('p', {}, 'Providers also offered homes outside this list (you still decide):'),
    el('ul', {}, others.map(o => el('li', {}, o.homeId + ' — offered by ' + o.providerOrg
      + ' on ' + formatDate(o.offeredAt) + (o.note ? ': “' + o.note + '”' : '')))));
}

function offerNote(home) {
  if (!home.offer) return null;
  return el('p', { class: 'offer-note', 'data-offer': home.homeId },
    el('span', { class: 'tag tag-offered' }, 'Offered'), ' by ' + home.offer.providerOrg + ' on '
      + formatDate(home.offer.offeredAt) + (home.offer.note ? ': “' + home.offer.note + '”' : ''));
}

function vacancyNote(home) {
  if (!home.vacancyStale) return null;
  return el('p', { class: 'stale-flag', 'data-stale': home.homeId },
    'Vacancy not confirmed since ' + formatDate(home.vacancyConfirmedAt) + ': check with the provider.');
}

function proposalNote(view) {
  const proposal = view.proposal;
  const text = proposal.homeId ? 'The latest co-operative run proposed ' + proposal.homeName + '.'
    : 'The latest co-operative run found no home for this child.';
  return el('div', { class: 'proposal-note' }, el('p', {}, text),
    proposal.explanation ? el('p', { class: 'notice' }, proposal.explanation) : null,
    proposal.homeId ? decisionButton('Reject the proposal', () => openReject(view, { homeId: proposal.homeId, name: proposal.homeName }, null)) : null);
}

function homeCard(view, home, rank) {
  const family = point(view.detail.familyHome);
  const distance = family ? kilometres(family, [home.lat, home.lon]) : null;
  const proposed = view.proposal && view.proposal.homeId === home.homeId;
  const actions = el('div', { class: 'card-actions' });
  const card = el('li', { class: 'home-card' + (proposed ? ' is-proposed' : ''), id: 'home-card-' + home.homeId, tabindex: '-1', 'data-home-id': home.homeId },
    el('h3', {}, el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)), home.name,
      proposed ? el('span', { class: 'tag tag-proposed' }, 'Proposed') : null,
      home.offer ? el('span', { class: 'tag tag-offered' }, 'Offered') : null),
    el('p', { class: 'home-meta' }, [words(home.kind), words(home.provider), view.context.councilName(home.authorityCode)].join(' · ')),
    el('p', { class: 'home-meta' },
      el('span', { class: 'vacancies', 'data-vacancies': String(home.vacancies) }, home.vacancies + (home.vacancies === 1 ? ' place free' : ' places free')),
      distance === null ? '' : ' · about ' + distance.toFixed(0) + ' km (' + (distance / 1.609).toFixed(0) + ' miles) from the family home'),
    offerNote(home), vacancyNote(home), costBreakdown(home), actions);
  if (!view.placed) {
    actions.append(
      decisionButton(proposed || !view.proposal?.homeId ? 'Accept this home' : 'Choose this home instead', () => openAccept(view, home, card, proposed)),
      decisionButton('Reject', () => openReject(view, home, card), 'button-secondary'));
  }
  return card;
}

function costBreakdown(home) {
  const terms = (home.terms || []).filter(t => t.points !== 0);
  return el('details', { class: 'cost' },
    el('summary', {}, 'Cost ' + Number(home.cost).toFixed(1) + ' points: why'),
    terms.length ? el('table', { class: 'terms' },
      el('caption', { class: 'visually-hidden' }, 'Cost of ' + home.name + ' term by term'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Term'), el('th', { scope: 'col', class: 'number' }, 'Points'))),
      el('tbody', {}, terms.map(t => el('tr', {}, el('td', {}, t.label || words(t.term)), el('td', { class: 'number' }, Number(t.points).toFixed(1))))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Total'), el('td', { class: 'number' }, Number(home.cost).toFixed(1)))))
      : el('p', {}, 'No cost terms: this home matches on every count.'));
}

function decisionButton(text, onClick, css = '') {
  return el('button', { type: 'button', class: css, onclick: onClick }, text);
}

/** An inline form under the card (or in the message area) asking for a reason, then calling submit(reason). */
function reasonForm(holder, { legend, label, required, submitText, submit }) {
  holder.querySelectorAll('.reason-form').forEach(f => f.remove());
  const id = 'reason-' + Math.random().toString(36).slice(2, 8);
  const textarea = el('textarea', { id, name: 'reason', rows: '3', required, maxlength: '2000' });
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  const form = el('form', { class: 'reason-form', novalidate: true },
    el('fieldset', {}, el('legend', {}, legend),
      el('label', { for: id }, label), textarea, error,
      el('div', { class: 'card-actions' },
        el('button', { type: 'submit' }, submitText),
        el('button', { type: 'button', class: 'button-secondary', onclick: () => form.remove() }, 'Cancel'))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (required && !textarea.value.trim()) {
      error.textContent = 'Give a reason: it is recorded with the decision.';
      error.hidden = false;
      textarea.focus();
      return;
    }
    form.querySelectorAll('button').forEach(b => { b.disabled = true; });
    const failure = await submit(textarea.value.trim());
    if (failure) {
      error.textContent = failure;
      error.hidden = false;
      form.querySelectorAll('button').forEach(b => { b.disabled = false; });
    }
  });
  holder.append(form);
  textarea.focus();
}

function openAccept(view, home, card, proposed) {
  const choosingAnother = Boolean(view.proposal && view.proposal.homeId && !proposed);
  reasonForm(card, {
    legend: (choosingAnother ? 'Choose ' : 'Place the child in ') + home.name,
    label: choosingAnother ? 'Why this home instead of the proposed one (required, recorded)' : 'Note for the record (optional)',
    required: choosingAnother,
    submitText: 'Confirm placement',
    submit: reason => accept(view, home, card, reason)
  });
}

async function accept(view, home, card, reason) {
  try {
    const result = await api.post('/api/children/' + encodeURIComponent(view.childId) + '/placement',
      { homeId: home.homeId, homeVersion: home.homeVersion, reason: reason || null, runId: view.runId || null });
    view.placed = true;
    const vacancies = card.querySelector('.vacancies');
    vacancies.dataset.vacancies = String(result.vacanciesLeft);
    vacancies.textContent = result.vacanciesLeft + (result.vacanciesLeft === 1 ? ' place free' : ' places free') + ' now';
    card.querySelector('.reason-form')?.remove();
    document.querySelectorAll('.home-card .card-actions').forEach(actions => actions.replaceChildren());
    card.classList.add('is-placed');
    showMessage(view, 'success', 'Placement recorded: child ' + view.childId + ' is placed in ' + home.name + '. '
      + result.vacanciesLeft + (result.vacanciesLeft === 1 ? ' place is' : ' places are') + ' left there.');
    return null;
  } catch (error) {
    if (error.status === 409) {
      showMessage(view, 'error', error.message || 'That home has just been filled by another placement. Choose another home.');
      await loadShortlist(view);
      return null;
    }
    return 'The placement was not recorded: ' + error.message;
  }
}

function openReject(view, home, card) {
  reasonForm(card || view.message, {
    legend: 'Reject ' + home.name + ' for this child',
    label: 'Reason (required, recorded)',
    required: true,
    submitText: 'Record rejection',
    submit: reason => reject(view, home, card, reason)
  });
}

async function reject(view, home, card, reason) {
  try {
    await api.post('/api/children/' + encodeURIComponent(view.childId) + '/decisions',
      { decision: 'REJECT', homeId: home.homeId, reason, runId: view.runId || null });
  } catch (error) {
    return 'The rejection was not recorded: ' + error.message;
  }
  if (card) {
    card.classList.add('is-rejected');
    card.querySelector('.reason-form')?.remove();
    card.querySelector('.card-actions').replaceChildren(el('p', { class: 'notice' }, 'Rejected: ' + reason));
  } else {
    view.message.querySelector('.reason-form')?.remove();
  }
  showMessage(view, 'success', 'Rejection of ' + home.name + ' recorded.');
  return null;
}

function showMessage(view, kind, text) {
  replace(view.message, el('p', { class: 'banner banner-' + kind, role: kind === 'error' ? 'alert' : 'status' }, text));
  view.message.scrollIntoView({ block: 'nearest' });
}
