/**
 * The result of handling an event, as a value rather than an exception:
 * {@link com.marketbridge.domain.outcome.Outcome} (completed, failed, in progress) and the closed set of
 * {@link com.marketbridge.domain.outcome.FailureReason}s a failure has.
 *
 * <p>Values are immutable; a constructor throws {@link java.lang.NullPointerException} for a required component that is
 * null.
 */
package com.marketbridge.domain.outcome;
