-- 驗證碼 shown to clients: rows, so every server of one RA knows them and a restart keeps them.
-- Only a hash of the id and its answer is kept; each is used up by the first attempt.
create table captcha (
    id              varchar(32)  primary key,
    answer_hash     varchar(64)  not null,
    client_address  varchar(64)  not null,
    expires_at      timestamp with time zone not null
);
create index captcha_client on captcha (client_address);
create index captcha_expiry on captcha (expires_at);
