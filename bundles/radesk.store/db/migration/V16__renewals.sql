-- 憑證展期: a renewal's new certificate names the one it renews; that one is superseded only when the
-- new one is confirmed on the card.
alter table certificate add column renews varchar(40);
