package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.fake.InMemoryEventJournal;
import com.marketbridge.application.port.out.EventJournal;
import org.junit.jupiter.api.Test;

class InMemoryEventJournalTest extends EventJournalContract {

    @Override
    protected EventJournal journal() {
        return new InMemoryEventJournal();
    }

    @Override
    protected EventJournal afterCrash(EventJournal journal) {
        return ((InMemoryEventJournal) journal).afterCrash();
    }

    @Test
    void aClosedFakeSaysItIsNotOpen() {
        InMemoryEventJournal journal = new InMemoryEventJournal();

        journal.close();

        assertThat(journal.isOpen()).isFalse();
    }
}
