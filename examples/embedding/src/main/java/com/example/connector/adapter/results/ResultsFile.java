package com.example.connector.adapter.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The driven adapter for results that come after the import answered "in progress": one JSON line per event in a file
 * the partner reads, {@code {"event","outcome":"COMPLETED|FAILED","accountIdentifier","reason","message"}}.
 */
public final class ResultsFile implements MarketplaceResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public ResultsFile(Path file) {
        this.file = Objects.requireNonNull(file, "'file' must not be null");
    }

    /**
     * Appends the outcome's line; a local write is not retried, so the budget is not needed.
     *
     * @throws UpstreamException {@code UPSTREAM_UNAVAILABLE} when the file cannot be written (MarketBridge tries again)
     */
    @Override
    public synchronized void report(EventUrl event, Outcome outcome, Duration budget) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event.token().value());
        if (outcome instanceof Outcome.Completed completed) {
            line.put("outcome", "COMPLETED");
            line.put("accountIdentifier", completed.accountIdentifier());
        } else if (outcome instanceof Outcome.Failed failed) {
            line.put("outcome", "FAILED");
            line.put("reason", failed.reason().name());
        } else {
            line.put("outcome", "IN_PROGRESS");
        }
        line.put("message", outcome.message());
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "The results file cannot be written: " + e.getMessage());
        }
    }
}
