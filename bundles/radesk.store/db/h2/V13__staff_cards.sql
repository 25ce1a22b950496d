-- Staff cards: a member of staff's own smart card, personalized at the counter by an administrator,
-- holding the card's authentication key (made on the card) and a staff certificate for it. Signing
-- in to an RA server takes the account's password and this card's signature over a fresh challenge.
-- state: PERSONALIZING (recorded, being written), ACTIVE, REVOKED. One ACTIVE card per account.
create table staff_card (
    serial             varchar(32)  primary key,
    account            varchar(64)  not null references staff (account),
    state              varchar(16)  not null,
    so_pin_sealed      varbinary(256) not null,
    auth_key           varbinary(512),
    certificate        varbinary(8192),
    certificate_serial varchar(40),
    not_after          timestamp with time zone,
    issued_by          varchar(64)  not null,
    created_at         timestamp with time zone not null,
    revoked_at         timestamp with time zone,
    revocation_reason  varchar(32),
    row_version        integer      not null default 0
);
create index staff_card_account on staff_card (account);

-- The host command's recovery (radesk-server.sh reset-password): one sign-in without the staff card
-- until this time, so a person whose card was lost can come in and have a new one issued.
alter table staff add column card_waiver_until timestamp with time zone;
