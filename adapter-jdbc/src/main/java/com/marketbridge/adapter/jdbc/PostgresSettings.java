package com.marketbridge.adapter.jdbc;

import com.marketbridge.domain.credential.Secret;
import java.util.Objects;

/**
 * Where the shared PostgreSQL database is (DATABASE_URL, a {@code jdbc:postgresql://host:port/database} URL), who the
 * connector is there, and how many connections it keeps open to it (DATABASE_POOL_SIZE).
 */
public record PostgresSettings(String url, String username, Secret password, int poolSize) implements StoreSettings {

    /** Enough for the webhook's threads, the workers and the result deliveries of one instance at once. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public PostgresSettings {
        Objects.requireNonNull(url, "'url' must not be null");
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        // the URL is not repeated: its query may hold a password
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must be a JDBC URL of PostgreSQL: jdbc:postgresql://host:port/database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("DATABASE_POOL_SIZE must be at least 1");
        }
    }

    /** The URL without its query, where a password may be written: how the URL is shown. */
    public static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
