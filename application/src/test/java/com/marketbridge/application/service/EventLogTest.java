package com.marketbridge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.outcome.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event line is read by operators' tools: its fields must keep one shape whatever the values. */
class EventLogTest {

    private final Logger events = Logger.getLogger("com.marketbridge.events");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private java.util.logging.Level quietLevel;

    @BeforeEach
    void listen() {
        quietLevel = events.getLevel(); // the tests' logging.properties keeps these lines out of the build's output
        events.setLevel(java.util.logging.Level.INFO);
        events.setUseParentHandlers(false);
        events.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        events.removeHandler(capture);
        events.setUseParentHandlers(true);
        events.setLevel(quietLevel);
    }

    @Test
    void aDurationOfSeconds_isWrittenAsPlainMilliseconds_notGroupedByTheLocale() {
        long startedTwelveSecondsAgo = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(12_345);

        EventLog.record(new EventToken("t-1"), null, new Outcome.InProgress("accepted, it's under way"), startedTwelveSecondsAgo);

        assertThat(lines).singleElement().asString()
                .matches("event=t-1 type=- account=- outcome=IN_PROGRESS message=\"accepted, it's under way\" durationMs=123\\d\\d");
    }
}
