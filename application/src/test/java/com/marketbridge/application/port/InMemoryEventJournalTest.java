package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.fake.InMemoryEventJournal;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import org.junit.jupiter.api.Test;

class InMemoryEventJournalTest extends EventJournalContract {

    private InMemoryEventJournal journal;

    @Override
    protected EventJournal journal() {
        journal = new InMemoryEventJournal();
        return journal;
    }

    @Override
    protected EventQueries queries() {
        return journal;
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
