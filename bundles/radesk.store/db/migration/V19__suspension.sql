-- 暫禁 / 恢復使用: a certificate on hold (its card lost) remembers when, by whom, and the state it
-- goes back to when it is resumed.
alter table certificate add column suspended_at timestamp with time zone;
alter table certificate add column suspended_from varchar(24);
alter table certificate add column suspended_by varchar(64);
