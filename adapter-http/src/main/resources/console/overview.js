// The overview: how many events are in each state, the last 24 hours, the oldest waiting event, failures by reason.
import {get} from './api.js';
import {STATES, badge, eventLink, fields, h, route, table, time} from './dom.js';

export async function overview() {
  const data = await get('/api/v1/admin/overview');
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const known = STATES.filter(state => state in data.states);
  const states = [...known, ...Object.keys(data.states).filter(state => !STATES.includes(state))];
  const reasons = Object.entries(data.failuresByReason ?? {}).sort(([, a], [, b]) => b - a);
  return [
    h('h1', {tabindex: -1}, 'Overview'),
    h('div', {class: 'cards'},
      h('section', {class: 'card', 'aria-labelledby': 'by-state', 'data-test': 'states'},
        h('h2', {id: 'by-state'}, 'Events by state'),
        table(null, ['State', 'Events'], states.map(state => ({
          attributes: {'data-test': 'state-' + state},
          cells: [badge(state), h('a', {href: route('events', {state}), 'aria-label': `${data.states[state]} ${state} events`},
            data.states[state])]})), {class: 'compact'})),
      h('section', {class: 'card', 'aria-labelledby': 'last-day', 'data-test': 'last24h'},
        h('h2', {id: 'last-day'}, 'Outcomes of the last 24 hours'),
        fields([
          ['Completed', h('a', {href: route('events', {state: 'COMPLETED', since: dayAgo})}, data.last24h.completed)],
          ['Failed', h('a', {href: route('events', {state: 'FAILED', since: dayAgo})}, data.last24h.failed)]])),
      h('section', {class: 'card', 'aria-labelledby': 'oldest', 'data-test': 'oldest-waiting'},
        h('h2', {id: 'oldest'}, 'Oldest waiting event'),
        data.oldestWaiting
          ? fields([['Event', eventLink(data.oldestWaiting.token)], ['Received', time(data.oldestWaiting.receivedAt)]])
          : h('p', {class: 'none'}, 'No event is waiting.')),
      h('section', {class: 'card', 'aria-labelledby': 'reasons', 'data-test': 'failures-by-reason'},
        h('h2', {id: 'reasons'}, 'Failures by reason'),
        reasons.length === 0
          ? h('p', {class: 'none'}, 'No failures.')
          : table(null, ['Reason', 'Events'], reasons.map(([reason, count]) => ({cells: [reason, count]})), {class: 'compact'}))),
  ];
}
