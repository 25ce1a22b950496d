-- Which CA signed a subscriber's certificate: the RA's own ('RA') or the external CA over CMP ('CMP').
-- The RA's CRL lists only what its own CA signed; a revocation of the other kind is asked of that CA.
alter table certificate add column issued_by varchar(8) default 'RA' not null;
alter table certificate add constraint certificate_issued_by check (issued_by in ('RA', 'CMP'));
