// What an operator may do to an event, each after confirming in a modal dialog (native <dialog>: it keeps the
// focus inside and Escape cancels it).
import {post} from './api.js';

export const ACTIONS = [
  {name: 'retry', label: 'Retry now', allowedIn: ['WAITING'], noteRequired: false, done: 'Retried: the event was attempted now.',
    explain: 'Attempt the event now instead of at its next scheduled attempt.'},
  {name: 'redeliver', label: 'Redeliver result', allowedIn: ['PARKED'], noteRequired: false, done: 'The result was posted to the marketplace again.',
    explain: 'Post the event\'s result to the marketplace again.'},
  {name: 'resolve', label: 'Resolve', allowedIn: ['FAILED', 'PARKED'], noteRequired: true, done: 'Resolved: the event is marked handled.',
    explain: 'Mark the event as handled by an operator. Say in the note what was done.'},
];

const dialog = document.getElementById('confirm-action');
const form = dialog.querySelector('form');
const note = dialog.querySelector('#confirm-note');
const error = dialog.querySelector('#confirm-error');
const confirm = dialog.querySelector('[data-test="confirm"]');

dialog.querySelector('[data-test="cancel"]').addEventListener('click', () => dialog.close());

/** Whether the operator is confirming an action now. */
export function confirming() {
  return dialog.open;
}

/**
 * Asks the operator to confirm the action on the event and, if they do, sends it; resolves with the event's
 * detail after it, or null when they cancelled. The dialog stays open with the error if the connector refuses.
 */
export function confirmAction(action, token) {
  dialog.querySelector('#confirm-title').textContent = `${action.label}: event ${token}`;
  dialog.querySelector('#confirm-text').textContent = action.explain;
  dialog.querySelector('#confirm-note-hint').textContent = action.noteRequired ? '(required)' : '(optional)';
  note.value = '';
  // aria-required rather than required: the console's own message says why, where the browser's bubble would not
  note.setAttribute('aria-required', String(action.noteRequired));
  error.hidden = true;
  error.textContent = '';
  confirm.textContent = action.label;
  confirm.disabled = false;
  return new Promise(resolve => {
    let result = null;
    const submit = async submitted => {
      submitted.preventDefault();
      const text = note.value.trim();
      if (action.noteRequired && text === '') {
        fail('A note is required: say what was done about this event.');
        note.focus();
        return;
      }
      confirm.disabled = true;
      try {
        result = await post(`/api/v1/admin/events/${encodeURIComponent(token)}/${action.name}`, text === '' ? {} : {note: text});
        dialog.close();
      } catch (refused) {
        fail(refused.message);
        confirm.disabled = false;
      }
    };
    form.addEventListener('submit', submit);
    dialog.addEventListener('close', () => {
      form.removeEventListener('submit', submit);
      resolve(result);
    }, {once: true});
    dialog.showModal();
    note.focus();
  });
}

function fail(message) {
  error.textContent = message;
  error.hidden = false;
}
