/**
 * Credentials as values: {@link com.marketbridge.domain.credential.Secret} keeps a password or token out of logs and
 * messages. Not a marketplace concept, but the one JDK-only value every adapter's settings share, so it lives here.
 *
 * <p>Like every package of the domain: values are immutable, a constructor throws {@link java.lang.NullPointerException}
 * for a required component that is null and {@link java.lang.IllegalArgumentException} for one that breaks the type's
 * invariants, and nothing returns null where an {@link java.util.Optional} could say "absent".
 */
package com.marketbridge.domain.credential;
