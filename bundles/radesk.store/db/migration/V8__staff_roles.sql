-- A member of staff may work in more than one role (a small RA office: clerk and officer).
-- role stays the main one; extra_roles lists the others, comma-separated. Dual control still
-- holds per request: whoever took a form in cannot decide it, in whichever role.
alter table staff add column extra_roles varchar(100);
