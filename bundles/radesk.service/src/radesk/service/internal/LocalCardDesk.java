package radesk.service.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.CardDesk;
import radesk.api.staff.CardSecrets;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.core.card.Pins;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.Subscribers;

/**
 * Card personalization. The card's row and its sealed SO PIN are written before the card is
 * touched, so a card pulled or a crash mid-way leaves a record the next attempt finishes with.
 */
@Component(service = CardDesk.class)
public final class LocalCardDesk implements CardDesk {

	private final Database db;
	private final EmbeddedRa ra;
	private final Pins pins;

	@Activate
	public LocalCardDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.pins = new Pins(ra.random);
	}

	@Override
	public CardSecrets beginPersonalization(Actor clerk, long subscriberId) throws ServiceException {
		Guard.require(clerk, Permission.PERSONALIZE_CARD);
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> {
			Subscribers.find(c, subscriberId).orElseThrow(() -> Guard.notFound("subscriber " + subscriberId));
			Optional<CardRow> unfinished = Cards.ofSubscriber(c, subscriberId).stream()
					.filter(card -> card.state() == CardState.BLANK).findFirst();
			if (unfinished.isPresent()) {
				// every release of a card's SO PIN to a workstation is on the record (M4)
				AuditRecords.append(c, clerk, "SO_PIN_RELEASED", "card:" + unfinished.get().serial(), null,
						"to " + clerk.workstation() + " (personalization resumed)", now);
				return new CardSecrets(unfinished.get().serial(), ra.soPinOf(unfinished.get()), pins.newUserPin());
			}
			String serial = freeSerial(c);
			char[] soPin = pins.newSoPin();
			Cards.insert(c, serial, subscriberId, ra.sealSoPin(soPin, serial), clerk.account(), now);
			AuditRecords.append(c, clerk, "CARD_PERSONALIZATION_STARTED", "card:" + serial, null,
					"for subscriber:" + subscriberId + ", SO PIN released to " + clerk.workstation(), now);
			return new CardSecrets(serial, soPin, pins.newUserPin());
		});
	}

	@Override
	public void confirmPersonalized(Actor clerk, String cardSerial, byte[] authenticationKey) throws ServiceException {
		Guard.require(clerk, Permission.PERSONALIZE_CARD);
		CardKeys.check(authenticationKey);
		try {
			db.inTransaction((Connection c) -> {
				CardRow row = Cards.find(c, cardSerial).orElseThrow(() -> Guard.notFound("card " + cardSerial));
				if (row.state() == CardState.PERSONALIZED && java.util.Arrays.equals(row.authKey(), authenticationKey)) {
					// told twice (the first answer was lost on the way): it is so already
					return null;
				}
				CardState to = Guard.next(CardFlow.TRANSITIONS, row.state(), CardEvent.PERSONALIZE);
				Cards.authenticationKey(c, row, authenticationKey);
				Cards.move(c, Cards.find(c, cardSerial).orElseThrow(), to);
				AuditRecords.append(c, clerk, "CARD_PERSONALIZED", "card:" + row.serial(), row.state(), CardState.PERSONALIZED,
						ra.clock.instant());
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	private String freeSerial(Connection c) throws SQLException {
		while (true) {
			String serial = String.format("RD%010d", ra.random.nextLong(10_000_000_000L));
			if (Cards.find(c, serial).isEmpty()) {
				return serial;
			}
		}
	}


}
