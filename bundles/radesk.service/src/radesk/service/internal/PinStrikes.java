package radesk.service.internal;

import java.sql.Connection;

import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.Database;

/**
 * Keeps the card's record in step with the strikes the card counted (told by the subscriber
 * edition): a wrong PIN is recorded and audited, the third locks the record too.
 */
final class PinStrikes {

	private final Database db;
	private final EmbeddedRa ra;

	PinStrikes(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
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
