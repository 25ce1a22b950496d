-- How many times a notice was claimed for sending over its whole life (attempts is reset by a re-send at
-- the counter; this never is): the final-dot journal of an embedded runner names a send by (id, sends).
alter table notice add column sends integer default 0 not null;
