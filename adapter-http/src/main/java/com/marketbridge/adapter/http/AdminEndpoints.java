package com.marketbridge.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.application.port.in.AdminQueries;
import com.marketbridge.application.port.in.OperateEventUseCase;
import com.marketbridge.application.port.in.OperatorCommand;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.TimelineEntry;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** The admin API's routes under {@link #PATH}: what operators read, and their actions on events. */
final class AdminEndpoints {

    static final String PATH = "/api/v1/admin";
    private static final int MAX_FILTER_LENGTH = 200;

    private final AdminQueries queries;
    private final OperateEventUseCase actions;
    private final ObjectMapper json;

    AdminEndpoints(AdminQueries queries, OperateEventUseCase actions, ObjectMapper json) {
        this.queries = queries;
        this.actions = actions;
        this.json = json;
    }

    void session(Context ctx) {
        ctx.json(new AdminDocuments.Session(AdminAuthentication.actor(ctx),
                AdminAuthentication.session(ctx).map(ConsoleSessions.Session::csrfToken).orElse(null)));
    }

    void overview(Context ctx) {
        ctx.json(AdminDocuments.Overview.of(queries.overview()));
    }

    void events(Context ctx) {
        EventState state = parameter(ctx, "state", value -> EventState.valueOf(value.toUpperCase(Locale.ROOT)),
                "one of " + Arrays.toString(EventState.values()));
        String type = parameter(ctx, "type", value -> value, "an event type such as SUBSCRIPTION_ORDER");
        String company = parameter(ctx, "company", value -> value, "a company uuid or a part of its name");
        Instant since = parameter(ctx, "since", Instant::parse, "an ISO-8601 UTC time such as 2025-03-01T10:15:30Z");
        Instant until = parameter(ctx, "until", Instant::parse, "an ISO-8601 UTC time such as 2025-03-01T10:15:30Z");
        Integer limit = parameter(ctx, "limit", Integer::valueOf, "a number from 1 to " + EventQueries.Filter.MAX_LIMIT);
        EventQueries.Cursor cursor = parameter(ctx, "cursor", EventQueries.Cursor::decode,
                "the nextCursor of the previous page, as it was given");
        if (limit != null && (limit < 1 || limit > EventQueries.Filter.MAX_LIMIT)) {
            throw AdminProblem.invalid("'limit' must be a number from 1 to " + EventQueries.Filter.MAX_LIMIT);
        }
        ctx.json(AdminDocuments.Events.of(queries.events(new EventQueries.Filter(state, type, company, since, until,
                limit == null ? EventQueries.Filter.DEFAULT_LIMIT : limit, cursor))));
    }

    void event(Context ctx) {
        EventToken token = token(ctx);
        ctx.json(AdminDocuments.EventHistory.of(queries.event(token).orElseThrow(() -> unknown(token))));
    }

    void subscriptions(Context ctx) {
        String company = parameter(ctx, "company", value -> value, "a company uuid or a part of its name");
        ctx.json(AdminDocuments.Subscriptions.of(queries.subscriptions(company)));
    }

    /** POST …/events/{token}/retry, /redeliver or /resolve, with an optional {@code {"note": "..."}}. */
    void act(Context ctx, TimelineEntry.Action action) {
        EventToken token = token(ctx);
        OperatorCommand command;
        try {
            command = new OperatorCommand(token, action, AdminAuthentication.actor(ctx), note(ctx));
        } catch (IllegalArgumentException e) {
            throw AdminProblem.invalid(e.getMessage());
        }
        OperateEventUseCase.Result result = actions.operate(command);
        if (result instanceof OperateEventUseCase.Result.Done done) {
            ctx.json(AdminDocuments.EventHistory.of(done.event()));
        } else if (result instanceof OperateEventUseCase.Result.Refused refused) {
            throw new AdminProblem(HttpStatus.CONFLICT, "CONFLICT", refused.message());
        } else {
            throw unknown(token);
        }
    }

    private String note(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return null;
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (IOException e) {
            throw AdminProblem.invalid("The body must be a JSON object such as {\"note\":\"...\"}");
        }
        if (!document.isObject()) {
            throw AdminProblem.invalid("The body must be a JSON object such as {\"note\":\"...\"}");
        }
        JsonNode note = document.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) {
            throw AdminProblem.invalid("'note' must be a string");
        }
        return note == null || note.isNull() ? null : note.asText();
    }

    private static EventToken token(Context ctx) {
        try {
            return new EventToken(ctx.pathParam("token"));
        } catch (IllegalArgumentException e) {
            throw AdminProblem.invalid("'token' is not an event token: " + e.getMessage());
        }
    }

    private static AdminProblem unknown(EventToken token) {
        return AdminProblem.notFound("The journal has no event " + token.value());
    }

    private interface Parser<T> {
        T parse(String value);
    }

    /** The query parameter, parsed; null if absent or empty; a 400 naming it if it does not parse. */
    private static <T> T parameter(Context ctx, String name, Parser<T> parser, String expected) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw AdminProblem.invalid("'" + name + "' is longer than " + MAX_FILTER_LENGTH + " characters");
        }
        try {
            return parser.parse(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw AdminProblem.invalid("'" + name + "' must be " + expected);
        }
    }
}
