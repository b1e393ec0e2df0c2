// One event: its fields, the actions its state allows, and its timeline, oldest first. While the event is in
// progress the page follows it, so that an operator who retried it sees it finish.
import {get} from './api.js';
import {badge, fields, h, nodes, route, table, text, time} from './dom.js';
import {ACTIONS, confirmAction, confirming} from './actions.js';

const IN_PROGRESS = ['RECEIVED', 'PROCESSING', 'WAITING'];
const FOLLOW_EVERY_MS = 3000;

export async function event(token) {
  const detail = await fetchDetail(token);
  follow(detail);
  return render(detail);
}

function fetchDetail(token) {
  return get('/api/v1/admin/events/' + encodeURIComponent(token));
}

/** Shows the event as it is now in place of what the page shows, keeping the focus where it was. */
function show(detail, done) {
  const view = document.getElementById('view');
  const focused = document.activeElement?.closest('[data-test]')?.dataset.test;
  view.replaceChildren(...nodes(render(detail, done)));
  follow(detail, done);
  const again = focused && view.querySelector(`[data-test="${CSS.escape(focused)}"]`);
  (again ?? view.querySelector('h1')).focus();
}

let following = null;

/**
 * Reads the event again every few seconds while it is in progress and this page is shown; shows any change. One
 * reading at a time: what the page shows now replaces what it followed before.
 */
function follow(shown, done) {
  clearInterval(following);
  if (!IN_PROGRESS.includes(shown.event.state)) return;
  const page = location.hash;
  const timer = following = setInterval(async () => {
    if (location.hash !== page) {
      clearInterval(timer);
      return;
    }
    if (confirming()) return;
    let now;
    try {
      now = await fetchDetail(shown.event.token);
    } catch {
      return; // the page keeps what it shows; the next reading may succeed
    }
    if (location.hash !== page || confirming() || timer !== following) return;
    if (now.event.updatedAt !== shown.event.updatedAt || now.event.state !== shown.event.state
        || now.timeline.length !== shown.timeline.length) {
      clearInterval(timer);
      show(now, done);
    }
  }, FOLLOW_EVERY_MS);
}

function render(detail, done) {
  const e = detail.event;
  const allowed = ACTIONS.filter(action => action.allowedIn.includes(e.state));
  return [
    h('p', {class: 'crumbs'}, h('a', {href: route('events')}, 'Events'), ' / ', h('span', {class: 'id'}, e.token)),
    h('h1', {tabindex: -1}, 'Event ', h('span', {class: 'id', 'data-test': 'event-token'}, e.token)),
    done ? h('p', {class: 'done', role: 'status', tabindex: -1, 'data-test': 'action-done'}, done) : null,
    h('div', {class: 'detail'},
      h('section', {'aria-labelledby': 'event-fields', 'data-test': 'event-fields'},
        h('h2', {id: 'event-fields'}, 'Fields'),
        fields([
          ['Token', h('span', {class: 'id'}, e.token)],
          ['Type', text(e.type)],
          ['Company', e.company ? [h('a', {href: route('subscriptions', {company: e.company.uuid})}, e.company.name || e.company.uuid),
            ' ', h('span', {class: 'id'}, e.company.uuid)] : text(null)],
          ['State', h('span', {'data-test': 'event-state'}, badge(e.state))],
          ['Attempts', text(e.attempts)],
          ['Received', time(e.receivedAt)],
          ['Updated', time(e.updatedAt)],
          ['Next attempt', time(e.nextAttemptAt)],
          ['Deadline', time(e.deadline)],
          ['Lane', h('span', {class: 'id'}, text(e.lane))],
          ['Event URL', h('span', {class: 'id'}, text(e.eventUrl))],
          ['Answered later (202)', e.asynchronous ? 'yes' : 'no'],
          ['Result delivered', e.resultDelivered ? 'yes' : 'no'],
        ], {class: 'fields inline'})),
      h('section', {'aria-labelledby': 'event-outcome', 'data-test': 'event-outcome'},
        h('h2', {id: 'event-outcome'}, 'Outcome'),
        e.outcome
          ? fields([
            ['Kind', badge(e.outcome.kind)],
            ['Reason', h('span', {'data-test': 'outcome-reason'}, text(e.outcome.reason))],
            ['Message', h('span', {'data-test': 'outcome-message'}, text(e.outcome.message))],
            ['Webex trackingId', h('span', {class: 'id', 'data-test': 'outcome-tracking-id'}, text(e.outcome.trackingId))],
          ])
          : h('p', {class: 'none'}, 'No outcome yet.'),
        h('h2', {}, 'Actions'),
        allowed.length === 0
          ? h('p', {class: 'none', 'data-test': 'no-actions'}, `No action applies to a ${e.state} event.`)
          : h('div', {class: 'buttons'}, allowed.map(action => actionButton(action, e.token))),
        IN_PROGRESS.includes(e.state) ? h('p', {class: 'hint'}, 'This page follows the event while it is in progress.') : null)),
    h('section', {'aria-labelledby': 'event-timeline'},
      h('h2', {id: 'event-timeline'}, 'Timeline'),
      table(null, ['Time', 'Kind', 'State', 'Outcome', 'Reason', 'Message', 'trackingId', 'Upstream status', 'Actor',
        'Action', 'Note'], detail.timeline.map(entry => ({
        attributes: {'data-test': 'timeline-entry', 'data-kind': entry.kind},
        cells: [time(entry.at), entry.kind, badge(entry.state), entry.outcome ? badge(entry.outcome) : text(null),
          text(entry.reason), h('span', {class: 'message'}, text(entry.message)), h('span', {class: 'id'}, text(entry.trackingId)),
          text(entry.upstreamStatus), text(entry.actor), text(entry.action), h('span', {class: 'note'}, text(entry.note))],
      })), {class: 'grid timeline', 'data-test': 'timeline'})),
  ];
}

function actionButton(action, token) {
  const button = h('button', {type: 'button', 'data-test': 'action-' + action.name}, action.label);
  button.addEventListener('click', async () => {
    const result = await confirmAction(action, token);
    if (!result) {
      button.focus();
      return;
    }
    show(result, action.done);
    document.querySelector('[data-test="action-done"]').focus();
  });
  return button;
}
