-- Each subscription the connector made, by the account identifier the marketplace sends back, and its
-- users in the order they joined. A null seat_limit means the order limited no seats. A user without a
-- subscriber_id has none in Webex right now (the subscription is suspended or ended); extension and
-- location_id are kept so that a reactivation gives calling users their extension back.
CREATE TABLE subscriptions (
    account_identifier CHARACTER VARYING            NOT NULL PRIMARY KEY,
    company_uuid       CHARACTER VARYING            NOT NULL,
    customer_id        CHARACTER VARYING            NOT NULL,
    package_name       CHARACTER VARYING            NOT NULL,
    package_calling    BOOLEAN                      NOT NULL,
    seat_limit         BIGINT,
    status             VARCHAR(20)                  NOT NULL,
    updated_at         TIMESTAMP(9) WITH TIME ZONE  NOT NULL,
    CONSTRAINT subscriptions_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED'))
);

CREATE INDEX subscriptions_by_company ON subscriptions (company_uuid);

CREATE TABLE subscription_users (
    account_identifier CHARACTER VARYING NOT NULL REFERENCES subscriptions (account_identifier) ON DELETE CASCADE,
    position           INTEGER           NOT NULL,
    email              CHARACTER VARYING NOT NULL,
    first_name         CHARACTER VARYING,
    last_name          CHARACTER VARYING,
    subscriber_id      CHARACTER VARYING,
    extension          CHARACTER VARYING,
    location_id        CHARACTER VARYING,
    PRIMARY KEY (account_identifier, position),
    CONSTRAINT subscription_users_calling CHECK ((extension IS NULL) = (location_id IS NULL))
);
