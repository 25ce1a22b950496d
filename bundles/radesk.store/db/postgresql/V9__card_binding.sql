-- PostgreSQL: bytea for H2's varbinary, the same limits as checks (the H2 script beside it is otherwise the same)
-- Card possession behind every certificate: the public key (X.509 SubjectPublicKeyInfo, DER) of
-- the authentication key that personalization made on the card. Every certificate request
-- carries that key's signature. Cards personalized before have none until a counter visit.
alter table card add column auth_key bytea check (octet_length(auth_key) <= 512);

-- Challenges for a card to sign (card log-in, a certificate taken by its card, a card-bound
-- request): rows, not one server's memory, so servers can share them and a restart keeps them.
-- Each is used up by the first attempt, right or wrong.
create table card_challenge (
    challenge   varchar(64)  primary key,
    expires_at  timestamp with time zone not null
);
create index card_challenge_expiry on card_challenge (expires_at);
