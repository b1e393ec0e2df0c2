package com.marketbridge.application.port.in;

import com.marketbridge.application.port.out.EventQueries;

/** The driving port of an operator's action on an event: retry it, redeliver its result, or resolve it. */
public interface OperateEventUseCase {

    /** Never throws for an unknown event or a state that does not allow the action: they are results. */
    Result operate(OperatorCommand command);

    /** What came of the action. */
    sealed interface Result {

        /** Done and journaled: the event as it is now, with its timeline. */
        record Done(EventQueries.History event) implements Result {
        }

        /** The journal has no event with the command's token: nothing was done. */
        record UnknownEvent() implements Result {
        }

        /** The event's state does not allow the action; the message says why. */
        record Refused(String message) implements Result {
        }
    }
}
