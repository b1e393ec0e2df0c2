package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.FeignException;
import feign.codec.DecodeException;
import java.net.URI;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call to AppDirect with our authorization: on a 401 it renews the credentials once and retries once,
 * and it turns Feign's failures into the ports' {@link UpstreamException}.
 */
final class AuthorizedCalls {

    static final String REFUSED = "AppDirect refused our OAuth credentials";

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedCalls.class);

    private final Authorization authorization;

    AuthorizedCalls(Authorization authorization) {
        this.authorization = authorization;
    }

    /** Sends {@code request} (given the Authorization header) to {@code method url}. */
    <T> T call(String method, URI url, Function<String, T> request) {
        String header = authorization.header(method, url);
        try {
            return send(request, header);
        } catch (CredentialsRefused first) {
            if (!authorization.renew(header)) {
                throw refused();
            }
            LOG.info("AppDirect answered 401 to {} {}; retrying once with renewed credentials", method, url);
            try {
                return send(request, authorization.header(method, url));
            } catch (CredentialsRefused again) {
                throw refused();
            }
        }
    }

    static UpstreamException withCause(UpstreamException exception, Exception cause) {
        exception.initCause(cause);
        return exception;
    }

    private static <T> T send(Function<String, T> request, String header) {
        try {
            return request.apply(header);
        } catch (DecodeException e) {
            // JSON of another shape is the event's fault; a body that is not JSON at all (a proxy's page, cut off) is not
            throw withCause(new UpstreamException(AnswerDecoder.blamesTheEvent(e) ? FailureReason.INVALID_EVENT
                    : FailureReason.UPSTREAM_UNAVAILABLE, e.getMessage()), e);
        } catch (FeignException e) {
            throw withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "AppDirect could not be reached or did not answer in time: " + e.getMessage()), e);
        }
    }

    private static UpstreamException refused() {
        return new UpstreamException(FailureReason.CONFIGURATION_ERROR, REFUSED + " (HTTP 401)");
    }

    /** AppDirect answered 401: the credentials we presented are not (or no longer) good. */
    static final class CredentialsRefused extends RuntimeException {

        CredentialsRefused() {
            super("HTTP 401", null, false, false);
        }
    }
}
