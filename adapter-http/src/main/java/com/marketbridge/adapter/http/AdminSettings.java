package com.marketbridge.adapter.http;

import com.marketbridge.domain.credential.Secret;
import java.util.Objects;

/** Who may use the admin API and the console: one operator account, ADMIN_USERNAME and ADMIN_PASSWORD. */
public record AdminSettings(String username, Secret password) {

    public AdminSettings {
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        if (username.isBlank() || username.contains(":")) {
            throw new IllegalArgumentException("'username' must not be blank nor contain ':'");
        }
    }
}
