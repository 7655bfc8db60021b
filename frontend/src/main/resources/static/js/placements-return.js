// The national placements return: a quarter's placements in the standard's three forms, and its check against the
// standard's rules. An officer's return covers their own council, a commissioner's every council.
import { api } from './api.js';
import { el, replace } from './dom.js';

/** The first days of this quarter and the three before it, newest first. */
function recentQuarters(today = new Date()) {
  const quarters = [];
  let year = today.getFullYear();
  let month = Math.floor(today.getMonth() / 3) * 3;
  for (let i = 0; i < 4; i++) {
    quarters.push(year + '-' + String(month + 1).padStart(2, '0') + '-01');
    month -= 3;
    if (month < 0) { month += 12; year -= 1; }
  }
  return quarters;
}

function link(quarter, format, label) {
  return el('a', { class: 'button-secondary', href: '/api/placements-return?quarter=' + quarter + '&format=' + format,
    download: '', 'data-format': format }, label);
}

export function placementsReturnSection() {
  const quarters = recentQuarters();
  const select = el('select', { id: 'return-quarter' },
    quarters.map(q => el('option', { value: q }, 'Quarter from ' + q)));
  const links = el('p', { class: 'actions' });
  const result = el('p', { class: 'notice', role: 'status' });
  const showLinks = () => replace(links, link(select.value, 'xlsx', 'Spreadsheet'), ' ',
    link(select.value, 'csv', 'CSV'), ' ', link(select.value, 'jsonld', 'JSON-LD'));
  select.addEventListener('change', () => { showLinks(); replace(result); });
  showLinks();
  const check = el('button', { type: 'button', class: 'button-secondary', onclick: async () => {
    replace(result, 'Checking the return against the standard…');
    try {
      const report = await api.get('/api/placements-return/validation?quarter=' + select.value);
      replace(result, report.placements + ' placement(s): ' + (report.conforms ? 'conforms to the standard'
        : report.violations.length + ' problem(s), first: child ' + report.violations[0].childId + ', '
          + report.violations[0].field) + (report.warnings.length ? '; ' + report.warnings.length + ' warning(s)' : '')
        + '.');
    } catch (error) {
      replace(result, 'Could not check the return: ' + error.message);
    }
  } }, 'Check against the standard');
  return el('section', { class: 'placements-return', 'aria-labelledby': 'return-heading' },
    el('h2', { id: 'return-heading' }, 'National placements return'),
    el('p', {}, 'Placements started in a quarter, in the Children\'s Social Care Placements Standard. ',
      el('label', { for: 'return-quarter' }, 'Quarter: '), select),
    links, check, result);
}
