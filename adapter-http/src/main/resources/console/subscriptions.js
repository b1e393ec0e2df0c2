// The subscriptions the connector recorded, with their users and the Webex ids each has, filtered by company.
import {get} from './api.js';
import {badge, fields, h, route, table, text} from './dom.js';

export async function subscriptions(query) {
  const company = query.company ?? '';
  const data = await get('/api/v1/admin/subscriptions', {company});
  return [
    h('h1', {tabindex: -1}, 'Subscriptions'),
    filterForm(company),
    data.subscriptions.length === 0
      ? h('p', {class: 'none', 'data-test': 'no-subscriptions'}, company ? 'No subscription of this company.' : 'No subscriptions yet.')
      : data.subscriptions.map(subscription),
  ];
}

function subscription(s) {
  const heading = 'subscription-' + s.accountIdentifier;
  return h('section', {class: 'subscription', 'aria-labelledby': heading, 'data-test': 'subscription'},
    h('h2', {id: heading, class: 'id'}, s.accountIdentifier),
    fields([
      ['Company', h('a', {href: route('subscriptions', {company: s.companyUuid}), class: 'id'}, s.companyUuid)],
      ['Webex customer id', h('span', {class: 'id'}, text(s.customerId))],
      ['Package', text(s.package)],
      ['Status', badge(s.status)],
      ['Seat limit', text(s.seatLimit)],
      ['Events', h('a', {href: route('events', {company: s.companyUuid})}, 'Events of this company')],
    ], {class: 'fields inline'}),
    (s.users ?? []).length === 0
      ? h('p', {class: 'none'}, 'No users.')
      : table(`Users of ${s.accountIdentifier}`, ['Email', 'Name', 'Webex subscriber id', 'Webex person id', 'Extension', 'Status'],
        s.users.map(user => ({
          attributes: {'data-test': 'subscription-user'},
          cells: [user.email, text([user.firstName, user.lastName].filter(Boolean).join(' ')),
            h('span', {class: 'id'}, text(user.subscriberId)), h('span', {class: 'id'}, text(user.personId)),
            text(user.extension), badge(user.status)],
        })), {class: 'grid'}));
}

function filterForm(company) {
  const input = h('input', {id: 'filter-subscriptions-company', name: 'company', type: 'search', value: company,
    'data-test': 'filter-company'});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter subscriptions'},
    h('div', {class: 'field'}, h('label', {for: input.id}, 'Company uuid'), input),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-test': 'apply-filters'}, 'Apply'),
      h('a', {href: route('subscriptions'), class: 'button'}, 'Clear')));
  form.addEventListener('submit', submitted => {
    submitted.preventDefault();
    location.hash = route('subscriptions', {company: input.value.trim()});
  });
  return form;
}
