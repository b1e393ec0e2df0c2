// The query part of an address, from named values; empty values are left out (an unset filter).

/** search({state: 'FAILED', type: ''}) → '?state=FAILED'; '' when no value is set. */
export function search(values) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') parameters.set(name, value);
  }
  const text = parameters.toString();
  return text ? '?' + text : '';
}
