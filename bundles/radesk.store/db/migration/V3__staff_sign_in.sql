-- Staff sign in with a password (Argon2id); three wrong ones in a row suspend the account
-- until an administrator sets a new password.
alter table staff add column password_strikes integer not null default 0;
alter table staff add column suspended boolean not null default false;
alter table staff add column row_version integer not null default 0;

create index registration_request_queue on registration_request (state, received_at);
