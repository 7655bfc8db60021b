// Referrals queue: the children of the officer's council (all councils for a commissioner) awaiting a placement,
// most urgent first, with the status of any proposal from the latest co-operative run.
import { api } from './api.js';
import { el, replace, statusLine, words, formatDate } from './dom.js';
import { latestProposals } from './proposals.js';
import { placementsReturnSection } from './placements-return.js';

/** Earliest needed-by date first (children with no date after), then longest waiting. */
export function byUrgency(a, b) {
  if (a.neededBy && b.neededBy && a.neededBy !== b.neededBy) return a.neededBy < b.neededBy ? -1 : 1;
  if (a.neededBy && !b.neededBy) return -1;
  if (!a.neededBy && b.neededBy) return 1;
  return (b.daysWaiting || 0) - (a.daysWaiting || 0);
}

function proposalStatus(proposal) {
  if (!proposal) return el('span', { class: 'tag tag-none' }, 'No proposal yet');
  if (!proposal.homeId) return el('span', { class: 'tag tag-warning' }, 'No home found in the last run');
  return el('span', { class: 'tag tag-proposed' }, 'Proposed: ' + proposal.homeName);
}

function childRow(child, proposal, context) {
  return el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: '#/child/' + encodeURIComponent(child.childId) }, child.childId)),
    el('td', {}, String(child.age)),
    el('td', {}, child.sex === 'F' ? 'Female' : child.sex === 'M' ? 'Male' : words(child.sex)),
    el('td', {}, child.needs && child.needs.length ? child.needs.map(words).join(', ') : 'None recorded'),
    el('td', {}, child.siblingGroup ? 'Yes (' + child.siblingGroup + ')' : 'No'),
    el('td', { class: 'number' }, String(child.daysWaiting ?? '—')),
    el('td', {}, formatDate(child.neededBy)),
    context.session.role === 'COMMISSIONER' ? el('td', {}, context.councilName(child.authorityCode)) : null,
    el('td', {}, proposalStatus(proposal)));
}

export function showReferrals(page, context) {
  const isCommissioner = context.session.role === 'COMMISSIONER';
  const summary = statusLine('Loading the children awaiting a placement…');
  const tableHolder = el('div', { class: 'table-holder' });
  replace(page,
    el('h1', {}, 'Referrals awaiting a placement'),
    el('p', { class: 'lede' }, isCommissioner ? 'Children of every member council.'
      : 'Children of ' + context.councilName(context.session.authorityCode) + '.',
    ' Most urgent first: earliest needed-by date, then longest waiting. Children are shown by reference only.'),
    summary, tableHolder, placementsReturnSection());
  load(context, summary, tableHolder, isCommissioner);
  return true;
}

async function load(context, summary, tableHolder, isCommissioner) {
  let children;
  try {
    children = await api.get('/api/children?awaiting=true');
  } catch (error) {
    replace(summary, 'Could not load the referrals: ' + error.message);
    summary.className = 'error';
    summary.setAttribute('role', 'alert');
    return;
  }
  // Proposals are a help, not a need: the queue still shows when there is no run or it cannot be read.
  const proposals = await latestProposals().catch(() => null);
  if (children.length === 0) {
    replace(summary, 'No children are awaiting a placement.');
    return;
  }
  children.sort(byUrgency);
  replace(summary, children.length + (children.length === 1 ? ' child is' : ' children are') + ' awaiting a placement.'
    + (proposals ? ' Proposals are from co-operative run ' + proposals.run.runId + '.' : ' No co-operative run has made proposals yet.'));
  const headings = ['Child reference', 'Age', 'Sex', 'Needs', 'Sibling group', 'Days waiting', 'Needed by',
    isCommissioner ? 'Council' : null, 'Proposal'].filter(Boolean);
  replace(tableHolder, el('table', { id: 'referrals-table' },
    el('caption', { class: 'visually-hidden' }, 'Children awaiting a placement, most urgent first'),
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col', class: h === 'Days waiting' ? 'number' : null }, h)))),
    el('tbody', {}, children.map(c => childRow(c, proposals && proposals.byChild.get(c.childId), context)))));
}
