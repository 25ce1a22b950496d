-- The notices job reads the ready notices a page at a time, oldest first ("state = 'QUEUED' and
-- next_attempt_at <= now order by state, next_attempt_at, id"). With the index on (state,
-- next_attempt_at) alone, every page read and sorted all the queued rows (82,000 a run at 1M
-- subscribers, each page a fresh pass: the notice senders waited on it); this one is in that order.
create index notice_ready on notice (state, next_attempt_at, id);
drop index notice_due;
