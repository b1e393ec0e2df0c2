package com.marketbridge.adapter.jdbc;

import com.marketbridge.domain.credential.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the shared PostgreSQL database is (DATABASE_URL, a {@code jdbc:postgresql://host:port/database} URL), who the
 * connector is there, how many connections it keeps open to it (DATABASE_POOL_SIZE), and how long a company's work
 * stays with a connector that stopped answering before another takes it over (LEASE_SECONDS).
 */
public record PostgresSettings(String url, String username, Secret password, int poolSize, Duration leaseTerm)
        implements StoreSettings {

    /** Enough for the webhook's threads, the workers and the result deliveries of one instance at once. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Long enough that a slow database round trip or a garbage collection does not lose a lease. */
    public static final Duration DEFAULT_LEASE_TERM = Duration.ofSeconds(30);

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
        Objects.requireNonNull(leaseTerm, "'leaseTerm' must not be null");
        if (leaseTerm.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("LEASE_SECONDS must be at least 1");
        }
    }

    public PostgresSettings withLeaseTerm(Duration term) {
        return new PostgresSettings(url, username, password, poolSize, term);
    }

    /** The URL without its query, where a password may be written: how the URL is shown. */
    public static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
