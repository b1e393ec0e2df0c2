package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.time.Duration;

/** AppDirect's integration API: an event by its token, and the result of an event answered asynchronously. */
interface AppDirectIntegrationApi {

    @RequestLine("GET /api/integration/v1/events/{token}")
    @Headers({"Accept: application/json", "Authorization: {authorization}"})
    EventDto event(@Param("token") String token, @Param("authorization") String authorization);

    @RequestLine("POST /api/integration/v1/events/{token}/result")
    @Headers({"Content-Type: application/json", "Authorization: {authorization}"})
    void result(@Param("token") String token, @Param("authorization") String authorization, ResultDto result);

    /**
     * A client for the marketplace at {@code origin} over the shared {@code http} client. Redirects are not
     * followed (they could carry our credentials elsewhere) and retries are the callers' business.
     */
    static AppDirectIntegrationApi connect(URI origin, Client http, Duration connectTimeout, Duration readTimeout) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return Feign.builder()
                .client(http)
                .options(new Request.Options(connectTimeout, readTimeout, false))
                .retryer(Retryer.NEVER_RETRY)
                .encoder(new JacksonEncoder(json))
                .decoder(new AnswerDecoder(json))
                .errorDecoder(new StatusDecoder())
                .target(AppDirectIntegrationApi.class, origin.toString());
    }

    /**
     * AppDirect's error statuses as the ports' failure reasons; a 401 is left to {@link AuthorizedCalls} to retry. Only
     * a definite refusal is final: 5xx, 408, 429 and redirects are worth trying again.
     */
    final class StatusDecoder implements ErrorDecoder {

        @Override
        public Exception decode(String methodKey, Response response) {
            int status = response.status();
            if (status == 401) {
                return new AuthorizedCalls.CredentialsRefused();
            }
            if (status >= 500 || status == 408 || status == 429) {
                return new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "AppDirect answered HTTP " + status, null, status);
            }
            if (status >= 300 && status < 400) {
                // a redirect is not followed (credentials go to BASE_URL_MARKETPLACE alone), but it says nothing
                // against the event or its result: maintenance, a moved load balancer; worth trying again
                return new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "AppDirect answered HTTP " + status
                        + " (a redirect, which the connector does not follow)", null, status);
            }
            if (response.request().httpMethod() != Request.HttpMethod.GET) {
                return new UpstreamException(FailureReason.UPSTREAM_REJECTED, "AppDirect refused the result with HTTP " + status, null,
                        status);
            }
            return switch (status) {
                case 403 -> new UpstreamException(FailureReason.CONFIGURATION_ERROR, AuthorizedCalls.REFUSED + " (HTTP 403)", null, status);
                case 404 -> new UpstreamException(FailureReason.EVENT_NOT_FOUND, "AppDirect has no such event (HTTP 404)", null, status);
                case 410 -> new UpstreamException(FailureReason.EVENT_NOT_FOUND, "AppDirect says the event was already consumed (HTTP 410)",
                        null, status);
                default -> new UpstreamException(FailureReason.UPSTREAM_REJECTED, "AppDirect refused the event fetch with HTTP " + status,
                        null, status);
            };
        }
    }
}
