// Commissioners' management of the homes register: homes whose vacancies have not been confirmed lately, adding a
// home (checked by the same rules as an import), changing one and closing one (refused while children live there).
import { api } from './api.js';
import { el, replace, statusLine, words, formatDate } from './dom.js';

const FIELDS = [['name', 'Name', 'text'], ['kind', 'Kind (FOSTER, CHILDRENS_HOME, SUPPORTED)', 'text'],
  ['provider', 'Provider (IN_HOUSE, COOPERATIVE, INDEPENDENT)', 'text'], ['authorityCode', 'Council code', 'text'],
  ['lat', 'Latitude', 'number'], ['lon', 'Longitude', 'number'], ['places', 'Places', 'number'],
  ['minAge', 'From age', 'number'], ['maxAge', 'To age', 'number'], ['sexes', 'Sexes (ANY, F, M)', 'text'],
  ['needsMet', 'Needs met (separated by ;)', 'text'], ['weeklyCost', 'Weekly cost (£)', 'number'],
  ['providerOrgId', 'Provider organisation id', 'text']];

export function showRegister(page) {
  const view = { message: el('div', { id: 'register-message', 'aria-live': 'polite' }),
    stale: el('section', { id: 'stale-vacancies' }, statusLine('Loading…')) };
  replace(page, el('h1', {}, 'Manage homes'), view.message, view.stale, homeForm(view), closeForm(view));
  loadStale(view);
  return true;
}

async function loadStale(view) {
  try {
    const homes = await api.get('/api/register/stale-vacancies');
    replace(view.stale, el('h2', {}, 'Vacancies not confirmed lately'), homes.length
      ? el('table', { class: 'manage' }, el('thead', {}, el('tr', {}, ['Home', 'Provider organisation',
        'Last confirmed', 'Places'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, homes.map(h => el('tr', {}, el('td', {}, (h.name || '') + ' (' + h.homeId + ')'),
        el('td', {}, h.providerOrgId || '—'), el('td', {}, formatDate(h.vacancyConfirmedAt)),
        el('td', {}, h.vacancies + ' of ' + h.places + ' free')))))
      : statusLine('Every vacancy has been confirmed lately.'));
  } catch (error) {
    replace(view.stale, statusLine('Could not load the stale vacancies: ' + error.message, 'error'));
  }
}

function homeForm(view) {
  const form = el('form', { class: 'inline-form', id: 'home-form' },
    el('div', { class: 'field' }, el('label', { for: 'home-id' }, 'Home id'), el('input', { id: 'home-id', required: true })),
    FIELDS.map(([name, label, type]) => el('div', { class: 'field' }, el('label', { for: 'home-' + name }, label),
      el('input', { id: 'home-' + name, type, step: type === 'number' ? 'any' : null }))),
    el('button', { type: 'submit', name: 'add' }, 'Add home'),
    el('button', { type: 'button', class: 'button-secondary', id: 'change-home', onclick: () => save(view, false) },
      'Change home (filled fields only)'));
  form.addEventListener('submit', event => { event.preventDefault(); save(view, true); });
  return el('section', {}, el('h2', {}, 'Add or change a home'), form);
}

async function save(view, adding) {
  const home = {};
  for (const [name, , type] of FIELDS) {
    const value = document.getElementById('home-' + name).value.trim();
    if (value === '') continue;
    home[name] = name === 'needsMet' ? value.split(';').map(n => n.trim()).filter(Boolean)
      : type === 'number' ? Number(value) : value;
  }
  const homeId = document.getElementById('home-id').value.trim();
  try {
    const saved = adding ? await api.post('/api/register/homes', { homeId, home })
      : await api.patch('/api/register/homes/' + encodeURIComponent(homeId), { home });
    replace(view.message, statusLine((adding ? 'Added ' : 'Changed ') + saved.homeId + ': ' + words(saved.availability) + '.'));
  } catch (error) {
    replace(view.message, statusLine(error.message, 'error'));
  }
}

function closeForm(view) {
  const form = el('form', { class: 'inline-form', id: 'close-form' },
    el('div', { class: 'field' }, el('label', { for: 'close-id' }, 'Home id'), el('input', { id: 'close-id', required: true })),
    el('button', { type: 'submit' }, 'Close home'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const homeId = document.getElementById('close-id').value.trim();
    try {
      await api.post('/api/register/homes/' + encodeURIComponent(homeId) + '/close');
      replace(view.message, statusLine(homeId + ' is closed.'));
    } catch (error) {
      replace(view.message, statusLine(error.message, 'error'));
    }
  });
  return el('section', {}, el('h2', {}, 'Close a home'), form);
}
