-- The one-time code an RA server shows on its own host at its start while it has no administrator:
-- only its SHA-256 is kept, at most one row, deleted when the administrator is created with it.
create table first_admin_setup (
    id          integer      primary key,
    code_hash   varchar(64)  not null,
    expires_at  timestamp with time zone not null
);
