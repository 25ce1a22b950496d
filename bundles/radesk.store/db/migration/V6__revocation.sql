-- 憑證廢止申請單: the reason the subscriber chose (RevocationReason), kept apart from the free note.
alter table form_request add column reason varchar(32);

-- every CRL the RA published: its number, when, how many entries, by whom
create table crl_publication (
    crl_number    bigint       primary key,
    this_update   timestamp with time zone not null,
    entries       integer      not null,
    published_by  varchar(64)  not null
);
