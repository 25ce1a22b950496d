-- The rest of the registration form: phone, postal address (for the window envelope), an
-- organization with its 統一編號, and the documents handed in (a comma-separated list of
-- ProofDocument names).
alter table registration_request add column phone varchar(24);
alter table registration_request add column address varchar(220);
alter table registration_request add column organization varchar(100);
alter table registration_request add column business_number varchar(8);
alter table registration_request add column documents varchar(200);
create index registration_request_business_number on registration_request (business_number);
