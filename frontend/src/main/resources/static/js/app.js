// App shell: loads who is signed in and the co-operative, then shows the page named in the address (#/...).
import { api } from './api.js';
import { el, replace, statusLine, formatDate } from './dom.js';
import { showReferrals } from './referrals.js';
import { showChild } from './child.js';
import { showRun } from './run.js';
import { showHomes } from './homes.js';
import { showSufficiency } from './sufficiency.js';
import { showProviderHomes, showProviderReferrals } from './provider.js';
import { showAccounts } from './accounts.js';
import { showRegister } from './register.js';
import { showCapacity } from './capacity.js';

const ROLE_NAMES = {
  OFFICER: 'Placement officer',
  COMMISSIONER: 'Commissioner',
  BOARD: 'Board member',
  ADMIN: 'Administrator',
  PROVIDER: 'Provider'
};

const page = document.getElementById('page');
let context = null;
let leavePage = () => {};

function councilName(code) {
  const authority = context.cooperative.authorities.find(a => a.authorityCode === code);
  return authority ? authority.name : code;
}

function maySeeChildren(role) {
  return role === 'OFFICER' || role === 'COMMISSIONER';
}

function maySeeSufficiency(role) {
  return role === 'BOARD' || role === 'COMMISSIONER';
}

function defaultRoute() {
  if (context.session.role === 'PROVIDER') return '#/provider';
  return maySeeChildren(context.session.role) ? '#/referrals' : '#/homes';
}

/** Routes: #/referrals, #/child/<id>, #/run, #/homes, #/sufficiency. Anything else goes to the role's first page. */
function route() {
  if (!window.location.hash) {
    window.location.replace(defaultRoute()); // fires hashchange, which routes again
    return;
  }
  const [, name, argument] = window.location.hash.split('/');
  const routes = {
    referrals: () => maySeeChildren(context.session.role) && showReferrals(page, context),
    child: () => maySeeChildren(context.session.role) && argument && showChild(page, context, decodeURIComponent(argument)),
    run: () => context.session.role === 'COMMISSIONER' && showRun(page, context),
    capacity: () => context.session.role === 'COMMISSIONER' && showCapacity(page, context),
    homes: () => showHomes(page, context),
    sufficiency: () => maySeeSufficiency(context.session.role) && showSufficiency(page),
    provider: () => context.session.role === 'PROVIDER' && showProviderHomes(page),
    offered: () => context.session.role === 'PROVIDER' && showProviderReferrals(page),
    accounts: () => context.session.role === 'ADMIN' && showAccounts(page, context),
    register: () => context.session.role === 'COMMISSIONER' && showRegister(page)
  };
  leavePage();
  leavePage = () => {};
  const show = routes[name];
  const shown = show ? show() : false;
  if (!shown) {
    window.location.replace(defaultRoute());
    return;
  }
  Promise.resolve(shown).then(leave => { if (typeof leave === 'function') leavePage = leave; });
  markCurrentNavigation(name === 'child' ? 'referrals' : name);
  page.focus({ preventScroll: true });
}

function markCurrentNavigation(name) {
  document.querySelectorAll('#main-nav a').forEach(link => {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

function showShell() {
  const { session, cooperative } = context;
  document.getElementById('cooperative-name').textContent =
    (cooperative.name || 'Co-operative') + (cooperative.asOf ? ' · data as of ' + formatDate(cooperative.asOf) : '');
  const council = session.authorityCode ? ', ' + councilName(session.authorityCode) : '';
  document.getElementById('signed-in-as').textContent =
    (ROLE_NAMES[session.role] || session.role) + council + ' (' + session.username + ')';
  document.querySelectorAll('#main-nav [data-needs="children"]').forEach(item => { item.hidden = !maySeeChildren(session.role); });
  document.querySelectorAll('#main-nav [data-needs="commissioner"]').forEach(item => { item.hidden = session.role !== 'COMMISSIONER'; });
  document.querySelectorAll('#main-nav [data-needs="sufficiency"]').forEach(item => { item.hidden = !maySeeSufficiency(session.role); });
  document.querySelectorAll('#main-nav [data-needs="provider"]').forEach(item => { item.hidden = session.role !== 'PROVIDER'; });
  document.querySelectorAll('#main-nav [data-needs="admin"]').forEach(item => { item.hidden = session.role !== 'ADMIN'; });
}

async function signOut() {
  try {
    await api.post('/logout');
  } catch (ignored) {
    // The session may already have ended; the login page says so either way.
  }
  window.location.assign('/login?logout');
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', signOut);
  try {
    const [session, cooperative] = await Promise.all([api.get('/api/ui-session'), api.get('/api/cooperative')]);
    context = { session, cooperative, councilName };
  } catch (error) {
    replace(page, el('h1', {}, 'The service could not start'), statusLine(error.message, 'error'));
    return;
  }
  showShell();
  window.addEventListener('hashchange', route);
  route();
}

start();
