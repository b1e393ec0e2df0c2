// Building the page from data: every value goes in as text or as an attribute, never as markup.
import {search} from './query.js';

/** The states of an event, in the order of its life. */
export const STATES = ['RECEIVED', 'PROCESSING', 'WAITING', 'COMPLETED', 'FAILED', 'PARKED', 'RESOLVED'];

/**
 * An element: h('a', {href: '#/'}, 'Overview'). Attributes are set with setAttribute (null and false leave
 * them out, true sets them empty); children are nodes or values, the latter written as text.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** What a view rendered (a node, or arrays of nodes, nulls left out) as a flat list of nodes. */
export function nodes(content) {
  return [content].flat(Infinity).filter(node => node !== null && node !== undefined && node !== false);
}

/** An ISO-8601 instant as the operator reads it, in UTC like every time of the API; empty when there is none. */
export function time(iso) {
  if (!iso) return h('span', {class: 'none'}, '—');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return h('span', {}, iso);
  return h('time', {datetime: iso, title: iso}, date.toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '') + ' UTC');
}

/** A value that may be missing. */
export function text(value) {
  return value === null || value === undefined || value === '' ? h('span', {class: 'none'}, '—') : String(value);
}

/** An event state (or outcome kind) as a badge its colour helps to find; the word says it all the same. */
export function badge(value) {
  return value ? h('span', {class: 'badge ' + String(value).toLowerCase()}, value) : text(null);
}

/** A definition list of [term, value] pairs. */
export function fields(pairs, attributes = {}) {
  return h('dl', {class: 'fields', ...attributes}, pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A table: headers, then rows of cells (each row an object {cells, attributes}). */
export function table(caption, headers, rows, attributes = {}) {
  return h('table', attributes,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(header => h('th', {scope: 'col'}, header)))),
    h('tbody', {}, rows.map(row => h('tr', row.attributes ?? {}, row.cells.map(cell => h('td', {}, cell))))));
}

/** The message of a failed call, as the operator should read it. */
export function problem(error) {
  return h('p', {class: 'error', role: 'alert', 'data-test': 'error'}, error.message);
}

/** The hash of a console page: route('events', {state: 'FAILED'}) → '#/events?state=FAILED'. */
export function route(path, query = {}) {
  return '#/' + path + search(query);
}

/** The console page of one event. */
export function eventLink(token) {
  return h('a', {href: route('events/' + encodeURIComponent(token)), class: 'id', 'data-test': 'event-link'}, token);
}
