-- Every change of a certificate's revocation status (revoked, put on hold, resumed) moves this
-- counter in the same transaction: the CRL records the value it was made from and is made again
-- when the counter has moved on; OCSP responses signed before it moved are signed again.
insert into counters (name, last_used) values ('revocation_status', 0);
-- OCSP looks staff cards' certificates up by serial
create index staff_card_certificate on staff_card (certificate_serial);
