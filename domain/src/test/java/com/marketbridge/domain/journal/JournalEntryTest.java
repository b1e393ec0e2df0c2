package com.marketbridge.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.UnsupportedEvent;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    @Test
    void anEntrysTimes_areKeptToTheMicrosecond_soEveryStoreReadsItBackEqual() {
        Instant nanos = Instant.parse("2025-03-01T10:15:30.123456789Z");
        Instant micros = Instant.parse("2025-03-01T10:15:30.123456Z");
        EventUrl url = new EventUrl(URI.create("https://marketplace.test/api/integration/v1/events/t-1"));

        JournalEntry entry = JournalEntry.received(url, new UnsupportedEvent(new EventToken("t-1"), EventFlag.DEVELOPMENT, "ADDON_ORDER"), "lane",
                nanos, nanos.plusSeconds(5)).processing(nanos).waiting(null, nanos.plusSeconds(1), nanos);

        assertThat(entry.receivedAt()).isEqualTo(micros);
        assertThat(entry.updatedAt()).isEqualTo(micros);
        assertThat(entry.nextAttemptAt()).isEqualTo(micros.plusSeconds(1));
        assertThat(entry.deadline()).isEqualTo(micros.plusSeconds(5));
    }
}
