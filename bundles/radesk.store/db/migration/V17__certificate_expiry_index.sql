-- the notices job and the counter's due list read certificates in order of their end, page by page
-- (keyset on not_after, serial): one index serves the range and the order, with no sort per page
create index certificate_expiry on certificate (state, not_after, serial);
drop index certificate_not_after;
