package com.marketbridge.application.service;

import com.marketbridge.application.port.in.OperateEventUseCase;
import com.marketbridge.application.port.in.OperatorCommand;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An operator's action on an event, journaled with who asked and their note in the same write as the change it makes,
 * and only if the event is still in the state the action needs: a waiting event is attempted now, a parked result is
 * posted again, a failed or parked event is resolved (nothing more is done or posted for it).
 */
public final class OperateEventService implements OperateEventUseCase {

    private static final System.Logger LOG = System.getLogger("com.marketbridge.operator");

    private final EventJournal journal;
    private final EventQueries queries;
    private final FulfilmentWorker worker;

    public OperateEventService(EventJournal journal, EventQueries queries, FulfilmentWorker worker) {
        this.journal = journal;
        this.queries = queries;
        this.worker = worker;
    }

    @Override
    public Result operate(OperatorCommand command) {
        Optional<JournalEntry> found = journal.find(command.token());
        if (found.isEmpty()) {
            return new Result.UnknownEvent();
        }
        JournalEntry entry = found.get();
        Set<EventState> allowed = switch (command.action()) {
            case RETRY -> Set.of(EventState.WAITING);
            case REDELIVER -> Set.of(EventState.PARKED);
            case RESOLVE -> Set.of(EventState.FAILED, EventState.PARKED);
        };
        if (!allowed.contains(entry.state())) {
            return refused(command, entry.state());
        }
        Instant now = worker.clock().instant();
        JournalEntry after = switch (command.action()) {
            case RETRY -> entry.dueNow(now);
            case REDELIVER -> entry.redelivering(now);
            case RESOLVE -> entry.resolved(now);
        };
        if (!journal.act(entry.state(), after, TimelineEntry.operatorAction(after, command.actor(), command.action(),
                command.note()))) {
            // the worker moved it on between the read and the write
            return refused(command, journal.find(command.token()).map(JournalEntry::state).orElse(entry.state()));
        }
        LOG.log(Level.INFO, "event={0} {1} by operator {2}", command.token(), command.action(), command.actor());
        switch (command.action()) {
            case RETRY -> {
                if (!worker.retryNow(command.token())) {
                    LOG.log(Level.INFO, "event={0} waits in a lane another connector holds: it attempts it at its next"
                            + " look at the journal", command.token());
                }
            }
            case REDELIVER -> worker.redeliver(after);
            case RESOLVE -> { } // nothing more is done for it
        }
        return new Result.Done(queries.history(command.token()).orElseThrow());
    }

    private static Result refused(OperatorCommand command, EventState state) {
        String needs = switch (command.action()) {
            case RETRY -> "only a WAITING event can be retried";
            case REDELIVER -> "only a PARKED event's result can be redelivered";
            case RESOLVE -> "only a FAILED or PARKED event can be resolved";
        };
        return new Result.Refused("Event " + command.token() + " is " + state + ": " + needs);
    }
}
