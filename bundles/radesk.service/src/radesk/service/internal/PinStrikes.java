package radesk.service.internal;

import java.sql.Connection;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.account.Strikes;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.Database;

/**
 * Opens a card with its PIN and keeps the card's record in step with the strikes the card layer
 * counted on the card: a wrong PIN is recorded and audited, the third locks the record too.
 */
final class PinStrikes {

	private final Database db;
	private final EmbeddedRa ra;

	PinStrikes(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	CardSession open(Actor actor, CardTerminal terminal, CardRow card, char[] pin) throws ServiceException {
		try {
			CardSession session = terminal.open(card.serial(), pin);
			if (card.pinStrikes() != 0) {
				record(actor, card.serial(), 0, false);
			}
			return session;
		} catch (CardAccessException e) {
			if (e.reason() == CardAccessException.Reason.WRONG_PIN) {
				record(actor, card.serial(), Strikes.LIMIT - e.triesLeft(), false);
			} else if (e.reason() == CardAccessException.Reason.PIN_LOCKED) {
				record(actor, card.serial(), Strikes.LIMIT, true);
			}
			throw ServiceException.of(e);
		}
	}

	void record(Actor actor, String serial, int strikes, boolean locked) throws ServiceException {
		db.inTransaction((Connection c) -> {
			CardRow row = Cards.find(c, serial).orElseThrow(() -> Guard.notFound("card " + serial));
			CardState to = locked && row.state() == CardState.ISSUED ? Guard.next(CardFlow.TRANSITIONS, row.state(), CardEvent.LOCK)
					: row.state();
			Cards.strikes(c, row, strikes, to);
			AuditRecords.append(c, actor, locked ? "CARD_LOCKED" : strikes == 0 ? "CARD_PIN_RIGHT" : "CARD_PIN_WRONG",
					"card:" + serial, row.pinStrikes() + " strikes " + row.state(), strikes + " strikes " + to, ra.clock.instant());
			return null;
		});
	}
}
