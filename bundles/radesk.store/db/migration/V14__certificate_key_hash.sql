-- One key, one certificate: the SHA-256 of each certificate's SubjectPublicKeyInfo, so that a key
-- certified before (on another card, for another subscriber, or revoked as compromised) is refused
-- without reading every certificate. Rows of earlier versions are filled in by the service at start.
alter table certificate add column key_hash varchar(64);
create index certificate_key_hash on certificate (key_hash);
