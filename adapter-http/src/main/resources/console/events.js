// The events list: filters kept in the hash (so the view is a link to share), newest first, a page at a time.
import {get} from './api.js';
import {STATES, badge, eventLink, h, problem, route, table, text, time} from './dom.js';

const TYPES = ['SUBSCRIPTION_ORDER', 'SUBSCRIPTION_CHANGE', 'SUBSCRIPTION_CANCEL', 'SUBSCRIPTION_NOTICE',
  'USER_ASSIGNMENT', 'USER_UNASSIGNMENT', 'USER_UPDATED'];
const FILTERS = ['state', 'type', 'company', 'since', 'until'];

export async function events(query) {
  const filters = Object.fromEntries(FILTERS.map(name => [name, query[name] ?? '']));
  let page;
  try {
    page = await get('/api/v1/admin/events', {...filters, cursor: query.cursor});
  } catch (error) {
    if (error.status !== 400) throw error;
    // a filter the connector refuses (a link edited by hand): the form stays, to correct it
    return [h('h1', {tabindex: -1}, 'Events'), filterForm(filters), problem(error)];
  }
  const filtered = FILTERS.some(name => filters[name] !== '');
  return [
    h('h1', {tabindex: -1}, 'Events'),
    filterForm(filters),
    page.events.length === 0
      ? h('p', {class: 'none', 'data-test': 'no-events'}, filtered ? 'No event matches these filters.' : 'No events yet.')
      : table(query.cursor ? 'Events, a later page' : 'Events, newest first',
        ['Event', 'Type', 'Company', 'State', 'Attempts', 'Received', 'Updated', 'Next attempt', 'Outcome'],
        page.events.map(row), {class: 'grid', 'data-test': 'events'}),
    h('nav', {class: 'pages', 'aria-label': 'Pages'},
      query.cursor ? h('a', {href: route('events', filters), 'data-test': 'first-page'}, 'First page') : null,
      page.nextCursor ? h('a', {href: route('events', {...filters, cursor: page.nextCursor}), 'data-test': 'next-page'}, 'Next page') : null),
  ];
}

function row(event) {
  return {
    attributes: {'data-test': 'event-row', 'data-token': event.token, 'data-state': event.state},
    cells: [
      eventLink(event.token),
      event.type,
      company(event.company),
      badge(event.state),
      event.attempts,
      time(event.receivedAt),
      time(event.updatedAt),
      time(event.nextAttemptAt),
      outcome(event.outcome),
    ],
  };
}

function company(value) {
  if (!value) return text(null);
  return [h('a', {href: route('subscriptions', {company: value.uuid})}, value.name || value.uuid),
    h('br'), h('span', {class: 'id'}, value.uuid)];
}

function outcome(value) {
  if (!value) return text(null);
  return [badge(value.kind), value.reason ? [' ', h('span', {class: 'reason'}, value.reason)] : null];
}

/** A field of the form: its label, then the control. */
function field(label, control) {
  return h('div', {class: 'field'}, h('label', {for: control.id}, label), control);
}

function select(id, name, value, options, all) {
  return h('select', {id, name, 'data-test': 'filter-' + name},
    h('option', {value: ''}, all),
    options.map(option => h('option', {value: option, selected: option === value}, option)));
}

/** An ISO instant for a datetime-local control, read as UTC, and back. */
function toControl(iso) {
  return iso ? iso.replace(/(\.\d+)?Z$/, '').slice(0, 19) : '';
}

function fromControl(value) {
  return value ? (value.length === 16 ? value + ':00' : value) + 'Z' : '';
}

function filterForm(filters) {
  const since = h('input', {id: 'filter-since', name: 'since', type: 'datetime-local', step: 1,
    value: toControl(filters.since), 'data-test': 'filter-since'});
  const until = h('input', {id: 'filter-until', name: 'until', type: 'datetime-local', step: 1,
    value: toControl(filters.until), 'data-test': 'filter-until'});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter events', 'data-test': 'event-filters'},
    field('State', select('filter-state', 'state', filters.state, STATES, 'Any state')),
    field('Type', select('filter-type', 'type', filters.type, TYPES, 'Any type')),
    field('Company (uuid or name)', h('input', {id: 'filter-company', name: 'company', type: 'search',
      value: filters.company, 'data-test': 'filter-company'})),
    field('Received from (UTC)', since),
    field('Received until (UTC)', until),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-test': 'apply-filters'}, 'Apply'),
      h('a', {href: route('events'), class: 'button', 'data-test': 'clear-filters'}, 'Clear')));
  form.addEventListener('submit', submitted => {
    submitted.preventDefault();
    const data = new FormData(form);
    location.hash = route('events', {
      state: data.get('state'), type: data.get('type'), company: data.get('company').trim(),
      since: fromControl(data.get('since')), until: fromControl(data.get('until'))});
  });
  return form;
}
