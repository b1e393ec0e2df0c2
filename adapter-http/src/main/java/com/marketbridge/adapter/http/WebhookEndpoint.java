package com.marketbridge.adapter.http;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
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
        String eventUrl = EVENT_URL_PARAMETERS.stream()
                .map(ctx::queryParam)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse(null);
        Outcome outcome = useCase.handle(new HandleMarketplaceEventCommand(notification(ctx), eventUrl));
        String hint = ctx.queryParam("eventType");
        if (hint != null) {
            LOG.debug("notification hinted eventType={} for {}", hint, eventUrl);
        }
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", answer.success());
        body.put("accountIdentifier", answer.accountIdentifier());
        body.put("errorCode", answer.errorCode());
        body.put("message", answer.message());
        ctx.status(status).contentType("application/json").result(JsonWriter.object(body));
    }

    private InboundNotification notification(Context ctx) {
        String query = ctx.queryString();
        String path = ctx.path() + (query == null ? "" : "?" + query);
        URI url = publicBaseUrl
                .map(base -> URI.create(stripTrailingSlash(base.toString()) + path))
                .orElseGet(() -> URI.create(ctx.fullUrl()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        return new InboundNotification(ctx.method().name(), url, ctx.queryParamMap(), headers);
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
