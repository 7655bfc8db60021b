// A provider's pages: its own homes, each with its vacancy to confirm or change, and the referrals offered to it
// (anonymised: no child's id or address), each answered with a home offered or "we cannot", with a note.
import { api } from './api.js';
import { el, replace, statusLine, words, formatDate } from './dom.js';

const AVAILABILITY = ['AVAILABLE', 'ON_HOLD', 'SUSPENDED'];
const SEXES = ['ANY', 'F', 'M'];

export function showProviderHomes(page) {
  const view = { message: el('div', { id: 'provider-message', 'aria-live': 'polite' }),
    list: el('div', { id: 'provider-homes' }, statusLine('Loading your homes…')) };
  replace(page, el('h1', {}, 'Your homes'),
    el('p', {}, 'Confirm each home’s vacancy when it is right, or change it. Officers see when each vacancy was '
      + 'last confirmed; one not confirmed lately is flagged to them.'), view.message, view.list);
  loadHomes(view);
  return true;
}

async function loadHomes(view) {
  let homes;
  try {
    homes = await api.get('/api/provider/homes');
  } catch (error) {
    replace(view.list, statusLine('Could not load your homes: ' + error.message, 'error'));
    return;
  }
  if (!homes.length) {
    replace(view.list, statusLine('Your organisation has no homes in the register yet. Ask the commissioner to add them.'));
    return;
  }
  replace(view.list, el('table', { class: 'manage' },
    el('thead', {}, el('tr', {}, ['Home', 'Places', 'Availability', 'Takes', 'Vacancy confirmed', '']
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, homes.map(home => homeRow(view, home)))));
}

function homeRow(view, home) {
  const edit = el('td', {});
  return el('tr', { id: 'provider-home-' + home.homeId },
    el('td', {}, home.name || home.homeId, el('br'), el('small', {}, home.homeId + ' · ' + words(home.kind))),
    el('td', {}, home.occupied + ' of ' + home.places + ' taken; ' + home.vacancies + ' free'),
    el('td', {}, words(home.availability) + (home.availableFrom ? ' from ' + formatDate(home.availableFrom) : '')),
    el('td', {}, 'Ages ' + home.minAge + '–' + home.maxAge + ', ' + (home.sexes === 'ANY' ? 'any sex' : home.sexes)
      + (home.needsMet.length ? ', ' + home.needsMet.map(words).join(', ') : '') + (home.pets ? ', has pets' : '')),
    el('td', { class: home.vacancyStale ? 'stale-flag' : '' }, formatDate(home.vacancyConfirmedAt)
      + (home.vacancyStale ? ' (not confirmed lately)' : '')),
    el('td', {},
      el('button', { type: 'button', id: 'confirm-' + home.homeId, onclick: () => confirm(view, home) },
        'Confirm vacancy'), ' ',
      el('button', { type: 'button', class: 'button-secondary', id: 'change-' + home.homeId,
        onclick: () => openChange(view, home, edit) }, 'Change'), edit));
}

async function confirm(view, home) {
  try {
    await api.post('/api/provider/homes/' + encodeURIComponent(home.homeId) + '/confirmation', { version: home.version });
    replace(view.message, statusLine('Vacancy of ' + (home.name || home.homeId) + ' confirmed.'));
  } catch (error) {
    replace(view.message, statusLine(error.message, 'error'));
  }
  loadHomes(view);
}

function field(id, label, input) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), input);
}

function choice(id, values, current) {
  return el('select', { id }, values.map(v => el('option', { value: v, selected: v === current }, words(v))));
}

function openChange(view, home, holder) {
  const id = name => name + '-' + home.homeId;
  const form = el('form', { class: 'inline-form', id: id('change-form') },
    field(id('places'), 'Places', el('input', { id: id('places'), type: 'number', min: '1', value: home.places })),
    field(id('availability'), 'Availability', choice(id('availability'), AVAILABILITY, home.availability)),
    field(id('from'), 'Place free from', el('input', { id: id('from'), type: 'date', value: home.availableFrom || '' })),
    field(id('min-age'), 'From age', el('input', { id: id('min-age'), type: 'number', min: '0', max: '25', value: home.minAge })),
    field(id('max-age'), 'To age', el('input', { id: id('max-age'), type: 'number', min: '0', max: '25', value: home.maxAge })),
    field(id('sexes'), 'Takes', choice(id('sexes'), SEXES, home.sexes)),
    field(id('needs'), 'Needs met (separated by ;)', el('input', { id: id('needs'), value: home.needsMet.join(';') })),
    el('div', { class: 'field field-check' }, el('input', { id: id('pets'), type: 'checkbox', checked: home.pets }),
      el('label', { for: id('pets') }, 'Has pets')),
    el('button', { type: 'submit', id: id('save') }, 'Save and confirm'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = name => document.getElementById(id(name)).value;
    try {
      await api.patch('/api/provider/homes/' + encodeURIComponent(home.homeId), {
        version: home.version, places: Number(value('places')), availability: value('availability'),
        availableFrom: value('from') || null, minAge: Number(value('min-age')), maxAge: Number(value('max-age')),
        sexes: value('sexes'), needsMet: value('needs').split(';').map(n => n.trim()).filter(Boolean),
        pets: document.getElementById(id('pets')).checked });
      replace(view.message, statusLine((home.name || home.homeId) + ' saved; its vacancy is confirmed.'));
      loadHomes(view);
    } catch (error) {
      replace(view.message, statusLine(error.message, 'error'));
    }
  });
  replace(holder, form);
}

export function showProviderReferrals(page) {
  const view = { message: el('div', { id: 'referral-message', 'aria-live': 'polite' }),
    list: el('div', { id: 'provider-referrals' }, statusLine('Loading referrals…')) };
  replace(page, el('h1', {}, 'Referrals offered to you'),
    el('p', {}, 'Children waiting for a home whom at least one of your homes could take today. Profiles are '
      + 'anonymised. Offer a home or say you cannot; the child’s placement officer decides.'),
    view.message, view.list);
  loadReferrals(view);
  return true;
}

async function loadReferrals(view) {
  let referrals;
  try {
    referrals = await api.get('/api/provider/referrals');
  } catch (error) {
    replace(view.list, statusLine('Could not load referrals: ' + error.message, 'error'));
    return;
  }
  replace(view.list, referrals.length ? el('ul', { class: 'home-cards' }, referrals.map(r => referralCard(view, r)))
    : statusLine('No waiting child fits your homes today.'));
}

function referralCard(view, referral) {
  const ref = referral.reference;
  const answer = referral.yourAnswer;
  const note = el('textarea', { id: 'note-' + ref, rows: '2', maxlength: '2000' });
  const home = el('select', { id: 'offer-home-' + ref }, referral.yourHomes.map(h => el('option', { value: h }, h)));
  const send = async kind => {
    try {
      await api.post('/api/provider/referrals/' + ref + '/answer', { answer: kind,
        homeId: kind === 'OFFER' ? home.value : null, note: note.value || null });
      replace(view.message, statusLine(kind === 'OFFER' ? 'Offer sent: ' + home.value + '.' : 'Answer sent: you cannot offer a home.'));
      loadReferrals(view);
    } catch (error) {
      replace(view.message, statusLine(error.message, 'error'));
    }
  };
  return el('li', { class: 'home-card', id: 'referral-' + ref },
    el('h3', {}, 'Age ' + referral.ageBand + ', ' + (referral.sex === 'F' ? 'girl' : 'boy') + ' · ' + referral.council),
    el('p', { class: 'home-meta' }, 'Needs: ' + (referral.needs.length ? referral.needs.map(words).join(', ') : 'none recorded')
      + ' · Kinds of place: ' + referral.placementKinds.map(words).join(', ')
      + ' · Needed by ' + formatDate(referral.neededBy)),
    answer ? el('p', { class: 'notice', id: 'answer-' + ref }, 'Your answer: ' + (answer.answer === 'OFFER'
      ? 'offered ' + answer.homeId : 'cannot') + ' on ' + formatDate(answer.answeredAt)) : null,
    el('div', { class: 'inline-form' },
      field('offer-home-' + ref, 'Your home', home), field('note-' + ref, 'Note', note),
      el('button', { type: 'button', id: 'offer-' + ref, onclick: () => send('OFFER') }, 'Offer this home'),
      el('button', { type: 'button', class: 'button-secondary', id: 'cannot-' + ref, onclick: () => send('CANNOT') },
        'We cannot')));
}
