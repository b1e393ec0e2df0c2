package com.marketbridge.adapter.http;

import com.marketbridge.domain.credential.Secret;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the connector's meters for Prometheus. With a token set, only a scraper that sends it as a
 * bearer token gets them; the token is compared in constant time, through digests of equal length.
 */
final class MetricsEndpoint {

    static final String PATH = "/metrics";
    /** Prometheus's text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";
    private static final ApiError UNAUTHORIZED = new ApiError("UNAUTHORIZED",
            "/metrics needs the header Authorization: Bearer <METRICS_TOKEN>");

    private final Supplier<String> scrape;
    private final byte[] tokenDigest;

    /** Open to every caller when {@code token} is empty. */
    MetricsEndpoint(Supplier<String> scrape, Optional<Secret> token) {
        this.scrape = scrape;
        this.tokenDigest = token.map(secret -> Digests.sha256(secret.value())).orElse(null);
    }

    void handle(Context ctx) {
        if (tokenDigest != null && !Digests.matches(tokenDigest, bearerToken(ctx.header("Authorization")))) {
            ctx.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"MarketBridge metrics\"")
                    .json(UNAUTHORIZED);
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(scrape.get());
    }

    /** The header's bearer token, or "" (never a token's digest) when it has none. */
    private static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()) : "";
    }
}
