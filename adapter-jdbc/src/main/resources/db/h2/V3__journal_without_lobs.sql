-- Every event's JSON is a few hundred bytes to a few kilobytes: as a CLOB, H2 kept it in its separate LOB
-- store, so that each journaled event wrote three more structures and needed the LOB cleaner. A character
-- string (H2 caps it at 1M characters) keeps it in the row.
ALTER TABLE events ALTER COLUMN event_json SET DATA TYPE CHARACTER VARYING;

-- No query reads events by state alone: the restart's query combines state with other columns under OR and
-- scans the table anyway, while every state change had to move the event in this index.
DROP INDEX events_by_state;
