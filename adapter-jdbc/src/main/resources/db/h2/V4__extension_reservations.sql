-- The extensions taken at each Webex location as far as the connector knows: reserved for a calling user (holder:
-- the user's email, lower case) before the user is created at Webex, or reported by Webex as used by something
-- else (holder null). The primary key makes a reservation atomic: two orders can never hold the same number.
CREATE TABLE extension_reservations (
    location_id CHARACTER VARYING           NOT NULL,
    extension   CHARACTER VARYING           NOT NULL,
    holder      CHARACTER VARYING,
    reserved_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (location_id, extension)
);

CREATE INDEX extension_reservations_by_holder ON extension_reservations (location_id, holder);

-- The extensions of users recorded before reservations existed are theirs.
INSERT INTO extension_reservations (location_id, extension, holder, reserved_at)
SELECT u.location_id, u.extension, MIN(LOWER(u.email)), CURRENT_TIMESTAMP
FROM subscription_users u JOIN subscriptions s ON s.account_identifier = u.account_identifier
WHERE u.extension IS NOT NULL AND s.status <> 'CANCELLED'
GROUP BY u.location_id, u.extension;
