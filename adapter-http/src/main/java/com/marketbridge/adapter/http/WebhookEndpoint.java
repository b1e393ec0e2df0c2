package com.marketbridge.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace's notification URL: hands the call to the use case and writes its outcome as the
 * marketplace's JSON answer: 202 while the event is being worked on (its result is posted later), 401 for a
 * failed authentication, and 200 for everything else, business failures included.
 */
final class WebhookEndpoint {

    /** Query parameter names the marketplace template may use for the event URL (AppDirect's docs show both). */
    private static final List<String> EVENT_URL_PARAMETERS = List.of("eventUrl", "url");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final HandleMarketplaceEventUseCase useCase;
    private final MarketplaceAnswers answers;
    private final Optional<URI> publicBaseUrl;

    WebhookEndpoint(HandleMarketplaceEventUseCase useCase, MarketplaceAnswers answers, Optional<URI> publicBaseUrl) {
        this.useCase = useCase;
        this.answers = answers;
        this.publicBaseUrl = publicBaseUrl;
    }

    void handle(Context ctx) {
        InboundNotification notification = notification(ctx);
        String eventUrl = EVENT_URL_PARAMETERS.stream()
                .map(notification::queryParameter)
                .flatMap(Optional::stream)
                .filter(value -> !value.isBlank())
                .findFirst()
                .orElse(null);
        Outcome outcome = useCase.handle(new HandleMarketplaceEventCommand(notification, eventUrl));
        notification.queryParameter("eventType")
                .ifPresent(hint -> LOG.debug("notification hinted eventType={} for {}", hint, eventUrl));
        answer(ctx, statusOf(outcome), outcome);
    }

    /** Only a failed authentication is an HTTP error; work still going on is 202, every other outcome 200. */
    private HttpStatus statusOf(Outcome outcome) {
        if (outcome instanceof Outcome.InProgress) {
            return HttpStatus.ACCEPTED;
        }
        if (outcome instanceof Outcome.Failed failed && failed.reason() == FailureReason.UNAUTHORIZED) {
            LOG.warn("rejected an unauthenticated notification: {}", outcome.message());
            return HttpStatus.UNAUTHORIZED;
        }
        return HttpStatus.OK;
    }

    void answer(Context ctx, HttpStatus status, Outcome outcome) {
        MarketplaceAnswers.Answer answer = answers.answer(outcome);
        ctx.status(status).json(new Answer(answer.success(), answer.accountIdentifier(), answer.errorCode(), answer.message()));
    }

    /** The marketplace's answer as AppDirect reads it: absent fields are left out, not null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(boolean success, String accountIdentifier, String errorCode, String message) {
    }

    /**
     * The call as received. Nothing here throws on a malformed query: the use case authenticates the call first,
     * and only then answers an undecodable parameter as an invalid event.
     */
    private InboundNotification notification(Context ctx) {
        String query = ctx.queryString();
        String base = publicBaseUrl.map(url -> stripTrailingSlash(url.toString()) + ctx.path()).orElseGet(ctx::url);
        QueryDecoder.Decoded decoded = QueryDecoder.decode(query);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        return new InboundNotification(ctx.method().name(), url(base, query), decoded.parameters(), headers, decoded.undecodable());
    }

    /**
     * The URL with its query when that is a valid URI, else without it: verification never reads the URL's query
     * (Basic ignores the URL; OAuth 1.0a signs the base URL and the decoded parameters), and the parameters travel
     * decoded, or named as undecodable, beside it.
     */
    private static URI url(String base, String query) {
        if (query != null) {
            try {
                return new URI(base + "?" + query);
            } catch (URISyntaxException malformed) {
                // a stray '%' or a character a URI may not hold; see above
            }
        }
        return URI.create(base);
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
