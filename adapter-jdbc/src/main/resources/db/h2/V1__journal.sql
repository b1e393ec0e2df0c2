-- The event journal. The readable columns are for operators querying the journal; event_json alone
-- rebuilds the event. Free-form strings are unbounded (H2 caps them at 1M characters) so that an
-- unexpectedly long token or message cannot fail a write. Timestamps keep nanoseconds so that entries
-- read back equal to what was written.
CREATE TABLE events (
    token              CHARACTER VARYING            NOT NULL PRIMARY KEY,
    event_url          CHARACTER VARYING            NOT NULL,
    type               CHARACTER VARYING            NOT NULL,
    flag               VARCHAR(20)                  NOT NULL,
    lane               CHARACTER VARYING            NOT NULL,
    company_uuid       CHARACTER VARYING,           -- orders only
    account_identifier CHARACTER VARYING,           -- account events only
    subscriber_email   CHARACTER VARYING,           -- null when the event names none
    state              VARCHAR(20)                  NOT NULL,
    attempts           INTEGER                      NOT NULL,
    next_attempt_at    TIMESTAMP(9) WITH TIME ZONE  NOT NULL,
    received_at        TIMESTAMP(9) WITH TIME ZONE  NOT NULL,
    deadline           TIMESTAMP(9) WITH TIME ZONE  NOT NULL,
    updated_at         TIMESTAMP(9) WITH TIME ZONE  NOT NULL,
    asynchronous       BOOLEAN                      NOT NULL,
    result_delivered   BOOLEAN                      NOT NULL,
    outcome_kind       VARCHAR(20),                 -- null before the first outcome
    outcome_reason     VARCHAR(40),                 -- FAILED only
    outcome_message    CHARACTER VARYING,
    tracking_id        CHARACTER VARYING,           -- FAILED only, when Webex gave one
    account_result     CHARACTER VARYING,           -- COMPLETED only, when the event created an account
    event_json         CHARACTER LARGE OBJECT       NOT NULL,
    CONSTRAINT events_outcome_kind CHECK (outcome_kind IN ('COMPLETED', 'FAILED', 'IN_PROGRESS'))
);

CREATE INDEX events_by_state ON events (state);
CREATE INDEX events_by_lane_and_arrival ON events (lane, received_at);

CREATE TABLE customers (
    external_id CHARACTER VARYING            NOT NULL PRIMARY KEY,
    customer_id CHARACTER VARYING            NOT NULL,
    org_id      CHARACTER VARYING,
    status      VARCHAR(40)                  NOT NULL,
    updated_at  TIMESTAMP(9) WITH TIME ZONE  NOT NULL
);
