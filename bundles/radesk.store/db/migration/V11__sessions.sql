-- Sessions of the RA server's clients (subscribers and staff): rows, not one server's memory, so
-- several servers share them and a restart logs nobody out. Only the token's SHA-256 is kept: a
-- copy of the database opens no session. Ended at once by a password reset, a suspension, a role
-- change, or the revocation of the certificate a card session was opened with.
create table session (
    token_hash      varchar(64)  primary key,
    kind            varchar(16)  not null,
    account         varchar(64)  not null,
    role            varchar(32)  not null,
    workstation     varchar(64)  not null,
    client_address  varchar(64)  not null,
    certificate     varchar(32),
    created_at      timestamp with time zone not null,
    last_use        timestamp with time zone not null,
    ends_at         timestamp with time zone not null
);
create index session_account on session (kind, account);
create index session_client on session (client_address);
create index session_certificate on session (certificate);
create index session_ends on session (ends_at);

-- Staff sign-in failures, per account at a client address and per client address: they slow the
-- next attempt (a growing wait), never suspend: nobody on the network can lock staff out.
create table sign_in_backoff (
    scope         varchar(200) primary key,
    failures      integer      not null,
    last_failure  timestamp with time zone not null
);
