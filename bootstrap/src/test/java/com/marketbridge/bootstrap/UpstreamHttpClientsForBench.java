package com.marketbridge.bootstrap;

import com.marketbridge.adapter.webex.WebexSettings;
import java.net.http.HttpClient;

/** Test scope: the connector's Webex client, as {@link Connector} builds it, for the client micro-benchmark (bench/ClientsBench). */
public final class UpstreamHttpClientsForBench {

    private UpstreamHttpClientsForBench() {
    }

    /** {@code UpstreamHttpClient.of(settings)} for Webex settings with the default bounds. */
    public static HttpClient webex(WebexSettings settings) {
        return UpstreamHttpClient.of(settings);
    }
}
