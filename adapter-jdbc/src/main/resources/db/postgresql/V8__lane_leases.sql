-- Several connectors share one database: each company's events (its lane) are worked on by the connector holding
-- the lane's lease, until expires_at by the database's clock. fence grows each time another connector takes the lane
-- over, and every write of an event checks it, so a connector that lost its lease cannot write over its successor.
-- A released lease keeps its row (expired), so a lane's fence never starts again from 1.
CREATE TABLE lane_leases (
    lane       TEXT         NOT NULL PRIMARY KEY,
    owner      TEXT         NOT NULL,
    fence      BIGINT       NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);

-- What a connector reads when it takes a lane, and what the take-over scan reads: the events needing work (as
-- JdbcEventJournal's NEEDING_WORK says), a small part of a journal that keeps every event.
CREATE INDEX events_needing_work ON events (lane, received_at)
    WHERE state NOT IN ('COMPLETED', 'FAILED', 'PARKED')
       OR (asynchronous AND NOT result_delivered AND state <> 'PARKED');
