package com.marketbridge.adapter.webex;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.RetryableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every Webex call under one policy: waits out 429/423 as {@code Retry-After} says, backs off after
 * 5xx, I/O errors and 2xx answers that are not the JSON promised ({@link UnreadableAnswer}), renews the token once
 * after a 401, and turns whatever is left into an {@link UpstreamException} carrying Webex's description and
 * tracking id (never the token).
 */
final class WebexCalls {

    private static final Logger LOG = LoggerFactory.getLogger(WebexCalls.class);

    private final WebexSettings.RetryPolicy policy;
    private final AccessTokens tokens;

    WebexCalls(WebexSettings.RetryPolicy policy, AccessTokens tokens) {
        this.policy = policy;
        this.tokens = tokens;
    }

    <T> T call(String action, Subject subject, Supplier<T> call) {
        return run(action, subject, call, null, null);
    }

    /**
     * A call that makes something: a POST that creates, a PUT that changes. When its answer is lost (a 5xx, an I/O
     * error, an unreadable answer) Webex may have done it anyway, so it is sent again only when {@code lookup} finds
     * it not done; what the lookup finds is the answer instead. A refusal after a lost answer is looked up the same
     * way, as the lost call may be what Webex refuses to do twice (the email is taken: by it).
     */
    <T> T checked(String action, Subject subject, Supplier<T> call, Supplier<Optional<T>> lookup) {
        return run(action, subject, call, lookup, null);
    }

    /** A DELETE: true when deleted, false when Webex answered 404 (already gone). */
    boolean delete(String action, Subject subject, Runnable call) {
        return run(action, subject, () -> {
            call.run();
            return true;
        }, null, false);
    }

    /** {@code lookup} and {@code ifGone} (the answer to a 404) are null when they do not apply. */
    private <T> T run(String action, Subject subject, Supplier<T> call, Supplier<Optional<T>> lookup, T ifGone) {
        boolean renewed = false;
        boolean answerLost = false; // by an earlier attempt of a call with a lookup
        for (int attempt = 1; ; attempt++) {
            long generation = tokens.generation();
            String problem;
            String trackingId = null;
            Integer status = null;
            Duration wait;
            boolean mayHaveDone;
            try {
                return call.get();
            } catch (WebexFailure failure) {
                if (failure.status() == 401 && !renewed && tokens.renew(generation)) {
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (failure.status() == 404 && ifGone != null) {
                    return ifGone;
                }
                if (!failure.asksToWait() && !failure.serverSide()) {
                    Optional<T> done = answerLost ? lookup.get() : Optional.empty();
                    return done.orElseThrow(() -> refused(action, subject, failure));
                }
                problem = "HTTP " + failure.status() + " " + failure.description();
                trackingId = failure.trackingId();
                status = failure.status();
                wait = failure.asksToWait() ? retryAfter(failure) : backoff(attempt);
                mayHaveDone = failure.serverSide();
            } catch (RetryableException | UnreadableAnswer lost) {
                problem = lost.getMessage();
                wait = backoff(attempt);
                mayHaveDone = true;
            }
            LOG.warn("Webex could not {} (attempt {} of {}): {} (trackingId {})", action, attempt,
                    policy.maxAttempts(), problem, trackingId);
            if (lookup != null && mayHaveDone) {
                answerLost = true;
                Optional<T> done = lookup.get();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            if (attempt >= policy.maxAttempts()) {
                throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                        "Webex could not " + action + " after " + attempt + " attempts: " + problem, trackingId, status);
            }
            sleep(wait, action);
        }
    }

    private UpstreamException refused(String action, Subject subject, WebexFailure failure) {
        FailureReason reason = switch (failure.status()) {
            case 401, 403 -> FailureReason.CONFIGURATION_ERROR;
            case 404 -> subject.notFound();
            case 400, 409, 422 -> !subject.aboutUsers() ? FailureReason.UPSTREAM_REJECTED
                    : extensionTaken(failure) ? FailureReason.EXTENSION_TAKEN
                    : userExists(failure) ? FailureReason.USER_ALREADY_EXISTS
                    : FailureReason.UPSTREAM_REJECTED;
            default -> FailureReason.UPSTREAM_REJECTED;
        };
        String message = switch (failure.status()) {
            case 401 -> tokens.rejectionAdvice() + " (" + failure.description() + ")";
            case 403 -> "Webex refused to " + action + " (HTTP 403): the token lacks the needed scopes or the"
                    + " partner has no administrative access to this customer (" + failure.description() + ")";
            default -> "Webex refused to " + action + " (HTTP " + failure.status() + "): " + failure.description();
        };
        LOG.warn("{} (trackingId {})", message, failure.trackingId());
        return new UpstreamException(reason, message, failure.trackingId(), failure.status());
    }

    private static boolean extensionTaken(WebexFailure failure) {
        return failure.errorCode().filter(code -> code == WebexAssumptions.EXTENSION_TAKEN_ERROR_CODE).isPresent()
                || WebexAssumptions.EXTENSION_TAKEN_WORDING.matcher(failure.description()).find();
    }

    private static boolean userExists(WebexFailure failure) {
        return failure.errorCode().filter(code -> code == WebexAssumptions.USER_EXISTS_ERROR_CODE).isPresent()
                || WebexAssumptions.USER_EXISTS_WORDING.matcher(failure.description()).find();
    }

    private Duration retryAfter(WebexFailure failure) {
        Duration asked = failure.retryAfter().orElse(WebexAssumptions.DEFAULT_RETRY_AFTER);
        return asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
    }

    /** Doubling from the base, half of it random so that parallel callers spread out. */
    private Duration backoff(int attempt) {
        long ceiling = policy.baseBackoff().toMillis() << Math.min(attempt - 1, 16);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    private static void sleep(Duration wait, String action) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "Interrupted while retrying to " + action);
        }
    }

    /** What a call acts on, which decides what a 404 or a conflict means. */
    enum Subject {
        CUSTOMER(FailureReason.ACCOUNT_NOT_FOUND, false),
        SUBSCRIBER(FailureReason.USER_NOT_FOUND, true),
        PRECHECK(FailureReason.UPSTREAM_REJECTED, true),
        LOCATION(FailureReason.UPSTREAM_REJECTED, false),
        PERSON(FailureReason.USER_NOT_FOUND, false);

        private final FailureReason notFound;
        private final boolean aboutUsers;

        Subject(FailureReason notFound, boolean aboutUsers) {
            this.notFound = notFound;
            this.aboutUsers = aboutUsers;
        }

        FailureReason notFound() {
            return notFound;
        }

        boolean aboutUsers() {
            return aboutUsers;
        }
    }
}
