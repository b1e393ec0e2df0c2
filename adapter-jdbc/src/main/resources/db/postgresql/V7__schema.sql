-- The schema of version 7 in PostgreSQL, in one script: the embedded store reached it in seven steps (db/h2), and
-- a PostgreSQL database starts here. Later versions come as scripts in both folders, side by side.
-- Timestamps keep microseconds, PostgreSQL's precision; the journal's entries keep no finer times.

-- The event journal. The readable columns are for operators querying the journal; event_json alone rebuilds the event.
CREATE TABLE events (
    token              TEXT         NOT NULL PRIMARY KEY,
    event_url          TEXT         NOT NULL,
    type               TEXT         NOT NULL,
    flag               VARCHAR(20)  NOT NULL,
    lane               TEXT         NOT NULL,
    company_uuid       TEXT,                  -- orders only
    account_identifier TEXT,                  -- account events only
    subscriber_email   TEXT,                  -- null when the event names none
    state              VARCHAR(20)  NOT NULL,
    attempts           INTEGER      NOT NULL,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL,
    deadline           TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    asynchronous       BOOLEAN      NOT NULL,
    result_delivered   BOOLEAN      NOT NULL,
    outcome_kind       VARCHAR(20),           -- null before the first outcome
    outcome_reason     VARCHAR(40),           -- FAILED only
    outcome_message    TEXT,
    tracking_id        TEXT,                  -- FAILED only, when Webex gave one
    account_result     TEXT,                  -- COMPLETED only, when the event created an account
    event_json         TEXT         NOT NULL,
    CONSTRAINT events_outcome_kind CHECK (outcome_kind IN ('COMPLETED', 'FAILED', 'IN_PROGRESS'))
);

CREATE TABLE customers (
    external_id TEXT         NOT NULL PRIMARY KEY,
    customer_id TEXT         NOT NULL,
    org_id      TEXT,
    status      VARCHAR(40)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- Each subscription the connector made, by the account identifier the marketplace sends back, and its users in the
-- order they joined (see db/h2/V2 and V5 for what each column means).
CREATE TABLE subscriptions (
    account_identifier TEXT         NOT NULL PRIMARY KEY,
    company_uuid       TEXT         NOT NULL,
    customer_id        TEXT         NOT NULL,
    package_name       TEXT         NOT NULL,
    package_calling    BOOLEAN      NOT NULL,
    seat_limit         BIGINT,
    status             VARCHAR(20)  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT subscriptions_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED'))
);

CREATE TABLE subscription_users (
    account_identifier TEXT    NOT NULL REFERENCES subscriptions (account_identifier) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    email              TEXT    NOT NULL,
    first_name         TEXT,
    last_name          TEXT,
    subscriber_id      TEXT,
    extension          TEXT,
    location_id        TEXT,
    person_id          TEXT,
    PRIMARY KEY (account_identifier, position),
    CONSTRAINT subscription_users_calling CHECK ((extension IS NULL) = (location_id IS NULL))
);

-- The extensions taken at each Webex location as far as the connectors know; the primary key makes a reservation
-- atomic across every instance sharing the database.
CREATE TABLE extension_reservations (
    location_id TEXT         NOT NULL,
    extension   TEXT         NOT NULL,
    holder      TEXT,
    reserved_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (location_id, extension)
);

CREATE INDEX extension_reservations_by_holder ON extension_reservations (location_id, holder);

CREATE TABLE storage_check (
    id         INTEGER      PRIMARY KEY,
    checked_at TIMESTAMPTZ  NOT NULL
);
