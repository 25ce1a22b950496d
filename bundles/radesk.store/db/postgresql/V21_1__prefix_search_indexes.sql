-- PostgreSQL only: the counter's 查詢 asks "starts with" (like 'A12%') of these columns. Under a
-- database collation other than C (zh_TW.UTF-8, en_US.UTF-8) an ordinary index cannot answer that,
-- so each gets an index in pattern order as well. (H2 answers it with the indexes it has; a version
-- between two common ones, so both databases go on with the same numbers after it.)
create index subscriber_account_prefix on subscriber (account varchar_pattern_ops);
create index subscriber_national_id_prefix on subscriber (national_id varchar_pattern_ops);
create index subscriber_name_prefix on subscriber (name varchar_pattern_ops);
create index registration_request_national_id_prefix on registration_request (national_id varchar_pattern_ops);
create index registration_request_name_prefix on registration_request (applicant_name varchar_pattern_ops);
create index card_serial_prefix on card (serial varchar_pattern_ops);
create index certificate_serial_prefix on certificate (serial varchar_pattern_ops);
create index certificate_identifier_prefix on certificate (identifier varchar_pattern_ops);
