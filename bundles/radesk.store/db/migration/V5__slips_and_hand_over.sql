-- A slip's secret exists only while it is printed: this records THAT it was printed, by whom and
-- when, so a second print of the same slip is refused (primary key). subject names what the slip
-- is for: card:<serial> (personalization), subscriber:<id> (registration) or form:<id> (PIN unlock,
-- password reset).
create table slip_print (
    kind        varchar(20)  not null,
    subject     varchar(64)  not null,
    printed_by  varchar(64)  not null,
    printed_at  timestamp with time zone not null,
    primary key (kind, subject)
);

-- 交付: what left the counter with a card, how, to whom, by whom, and the postal tracking number.
create table hand_over (
    card_serial      varchar(32)  primary key references card (serial),
    method           varchar(12)  not null,
    recipient        varchar(100) not null,
    tracking_number  varchar(40),
    reader_sold      boolean      not null,
    handed_by        varchar(64)  not null,
    handed_at        timestamp with time zone not null
);
create index hand_over_tracking on hand_over (tracking_number);
