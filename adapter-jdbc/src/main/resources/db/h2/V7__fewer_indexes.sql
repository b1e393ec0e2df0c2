-- No query reads events by lane or subscriptions by company, while every write of an event or a subscription
-- also rewrote these indexes' pages in the next write-out: without them, the journal writes 10-13 % fewer bytes
-- per event (JournalWriteBench, 8 threads).
DROP INDEX events_by_lane_and_arrival;
DROP INDEX subscriptions_by_company;
