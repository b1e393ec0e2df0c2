-- The Webex person of each user, recorded from the subscriber Webex created (it names the person once the
-- subscriber is provisioned), so that a cancel or unassignment removes the person without looking it up by email.
-- Users recorded before this version have none; they are looked up by email, as before.
ALTER TABLE subscription_users ADD COLUMN person_id CHARACTER VARYING;
