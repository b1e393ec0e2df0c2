package com.marketbridge.adapter.http;

import com.marketbridge.application.port.in.AdminQueries;
import com.marketbridge.application.port.in.OperateEventUseCase;
import java.util.Objects;

/** What the admin API and the console serve, and to whom. */
public record AdminAccess(AdminSettings settings, AdminQueries queries, OperateEventUseCase actions) {

    public AdminAccess {
        Objects.requireNonNull(settings, "'settings' must not be null");
        Objects.requireNonNull(queries, "'queries' must not be null");
        Objects.requireNonNull(actions, "'actions' must not be null");
    }
}
