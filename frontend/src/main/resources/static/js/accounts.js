// Administrators' accounts page: every account with its role, council or provider organisation and last sign-in;
// create an account with a temporary password; disable, enable, unlock or reset a password.
import { api } from './api.js';
import { el, replace, statusLine, words, formatDate } from './dom.js';

const ROLES = ['OFFICER', 'COMMISSIONER', 'BOARD', 'ADMIN', 'PROVIDER'];

export function showAccounts(page, context) {
  const view = { context, message: el('div', { id: 'accounts-message', 'aria-live': 'polite' }),
    list: el('div', { id: 'accounts' }, statusLine('Loading accounts…')), form: el('div') };
  replace(page, el('h1', {}, 'Accounts'), view.message, view.form, view.list);
  buildForm(view);
  load(view);
  return true;
}

async function buildForm(view) {
  const orgs = await api.get('/api/provider-orgs').catch(() => []);
  const input = (id, label, attributes = {}) => el('div', { class: 'field' }, el('label', { for: id }, label),
    el('input', { id, ...attributes }));
  const form = el('form', { class: 'inline-form', id: 'new-account' },
    input('account-username', 'Username', { required: true, maxlength: '64' }),
    input('account-name', 'Name shown'),
    el('div', { class: 'field' }, el('label', { for: 'account-role' }, 'Role'),
      el('select', { id: 'account-role' }, ROLES.map(r => el('option', { value: r }, words(r))))),
    el('div', { class: 'field' }, el('label', { for: 'account-council' }, 'Council (officers)'),
      el('select', { id: 'account-council' }, el('option', { value: '' }, '—'),
        view.context.cooperative.authorities.map(a => el('option', { value: a.authorityCode }, a.name)))),
    el('div', { class: 'field' }, el('label', { for: 'account-org' }, 'Provider organisation (providers)'),
      el('select', { id: 'account-org' }, el('option', { value: '' }, '—'),
        orgs.map(o => el('option', { value: o.providerOrgId }, o.name)))),
    input('account-password', 'Temporary password (12+ characters)', { type: 'password', minlength: '12' }),
    el('button', { type: 'submit' }, 'Create account'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = id => document.getElementById(id).value || null;
    await act(view, () => api.post('/api/accounts', { username: value('account-username'),
      displayName: value('account-name'), role: value('account-role'), authorityCode: value('account-council'),
      providerOrgId: value('account-org'), password: value('account-password') }), 'Account created.');
  });
  replace(view.form, el('h2', {}, 'New account'), form);
}

async function load(view) {
  let accounts;
  try {
    accounts = await api.get('/api/accounts');
  } catch (error) {
    replace(view.list, statusLine('Could not load accounts: ' + error.message, 'error'));
    return;
  }
  replace(view.list, el('h2', {}, 'All accounts'), el('table', { class: 'manage' },
    el('thead', {}, el('tr', {}, ['Username', 'Role', 'Council or organisation', 'State', 'Last sign-in', '']
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, accounts.map(a => el('tr', { id: 'account-' + a.username },
      el('td', {}, a.username, a.displayName ? el('br') : null, a.displayName ? el('small', {}, a.displayName) : null),
      el('td', {}, words(a.role)),
      el('td', {}, a.authorityCode ? view.context.councilName(a.authorityCode) : (a.providerOrgId || '—')),
      el('td', {}, [a.enabled ? 'Enabled' : 'Disabled', a.locked ? 'locked' : null,
        a.mustChangePassword ? 'must set a new password' : null].filter(Boolean).join(', ')),
      el('td', {}, a.lastSignInAt ? formatDate(a.lastSignInAt) : 'Never'),
      el('td', {}, actions(view, a)))))));
}

function actions(view, account) {
  const path = '/api/accounts/' + encodeURIComponent(account.username);
  const button = (text, onclick) => el('button', { type: 'button', class: 'button-secondary', onclick }, text);
  return [
    account.enabled ? button('Disable', () => act(view, () => api.post(path + '/disable'), account.username + ' disabled.'))
      : button('Enable', () => act(view, () => api.post(path + '/enable'), account.username + ' enabled.')),
    account.locked ? button('Unlock', () => act(view, () => api.post(path + '/unlock'), account.username + ' unlocked.')) : null,
    button('Reset password', () => {
      const password = window.prompt('A temporary password for ' + account.username + ' (12+ characters). '
        + 'They set their own at their next sign-in.');
      if (password) act(view, () => api.post(path + '/password', { password }), 'Password reset for ' + account.username + '.');
    })];
}

async function act(view, call, done) {
  try {
    await call();
    replace(view.message, statusLine(done));
  } catch (error) {
    replace(view.message, statusLine(error.message, 'error'));
  }
  load(view);
}
