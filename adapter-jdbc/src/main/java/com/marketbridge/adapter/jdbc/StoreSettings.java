package com.marketbridge.adapter.jdbc;

/**
 * Where the connector keeps its journal and stores: an embedded H2 file under DATA_DIR ({@link JournalStorage}), for one
 * connector, or a PostgreSQL database ({@link PostgresSettings}) that several connectors share.
 */
public sealed interface StoreSettings permits JournalStorage, PostgresSettings {
}
