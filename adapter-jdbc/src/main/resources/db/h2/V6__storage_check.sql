-- One row the journal writes, and writes out, each time it opens the database or reopens it after a failure: a
-- query alone succeeds on a full disk or a read-only file, a write written out does not.
CREATE TABLE storage_check (
    id         INTEGER                     PRIMARY KEY,
    checked_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
