// The console: one page whose hash names the view, so that every view can be shared as a link.
//   #/                          overview
//   #/events?state=&type=&company=&since=&until=&cursor=
//   #/events/<token>            one event, its timeline and actions
//   #/subscriptions?company=
import {session, signOut} from './api.js';
import {h, nodes, problem} from './dom.js';
import {overview} from './overview.js';
import {events} from './events.js';
import {event} from './event.js';
import {subscriptions} from './subscriptions.js';

const view = document.getElementById('view');

/** The view for a hash: its section (for the navigation) and how to render it with the query. */
function resolve(hash) {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  const parts = path.split('/').filter(part => part !== '');
  if (parts.length === 0) return {section: 'overview', render: () => overview()};
  if (parts[0] === 'events' && parts.length === 1) return {section: 'events', render: () => events(query)};
  if (parts[0] === 'events' && parts.length === 2) return {section: 'events', render: () => event(decodeURIComponent(parts[1]))};
  if (parts[0] === 'subscriptions' && parts.length === 1) return {section: 'subscriptions', render: () => subscriptions(query)};
  return {section: null, render: async () => [h('h1', {tabindex: -1}, 'Not found'),
    h('p', {}, 'The console has no page at this address. ', h('a', {href: '#/'}, 'Go to the overview.'))]};
}

let shown = 0;

async function show() {
  const showing = ++shown;
  const {section, render} = resolve(location.hash);
  for (const link of document.querySelectorAll('nav a[data-section]')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  view.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = await render();
  } catch (error) {
    content = [h('h1', {tabindex: -1}, 'Something went wrong'), problem(error)];
  }
  if (showing !== shown) return; // a later navigation won
  view.replaceChildren(...nodes(content));
  view.removeAttribute('aria-busy');
  const title = view.querySelector('h1');
  document.title = (title ? title.textContent + ' · ' : '') + 'MarketBridge console';
  (title ?? view).focus({preventScroll: false});
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', signOut);
  try {
    const current = await session();
    document.getElementById('username').textContent = 'Signed in as ' + current.username;
  } catch (error) {
    view.replaceChildren(h('h1', {tabindex: -1}, 'The console cannot start'), problem(error));
    return;
  }
  window.addEventListener('hashchange', show);
  await show();
}

start();
