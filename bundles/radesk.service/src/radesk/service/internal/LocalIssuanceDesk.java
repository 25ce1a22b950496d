package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.core.registration.RegistrationFlow;
import radesk.core.registration.RequestEvent;
import radesk.core.registration.RequestState;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.Issuances;
import radesk.store.RequestRow;
import radesk.store.Requests;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/** Slips printed once, and cards handed over or mailed, each in one audited transaction. */
@Component(service = IssuanceDesk.class)
public final class LocalIssuanceDesk implements IssuanceDesk {

	/** Postal tracking numbers: letters and digits, e.g. 20 digits for 掛號 or RR123456789TW. */
	private static final Pattern TRACKING = Pattern.compile("[A-Z0-9]{8,30}");
	private static final Pattern SUBJECT = Pattern.compile("(card|subscriber|form):[A-Za-z0-9]{1,40}");

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalIssuanceDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public List<Issuance> pending(Actor clerk) throws ServiceException {
		// the counter carries applicants on; the mailroom needs the list to mail their cards
		Guard.require(clerk, clerk != null && clerk.role().may(Permission.RECORD_MAILING) ? Permission.RECORD_MAILING
				: Permission.REGISTER_SUBSCRIBER);
		return db.inTransaction((Connection c) -> Issuances.pending(c, 500).stream()
				.map(p -> new Issuance(new RegistrationSummary(p.requestId(), p.channel(), p.state(), p.name(), p.nationalId(),
						p.email(), p.raUnit(), p.receivedAt()).masked(), p.subscriberId(), p.account(), p.cardSerial(), p.cardState(),
						p.pinSlipPrinted(), p.passwordSlipPrinted(), p.address()))
				.toList());
	}

	@Override
	public boolean printed(Actor staff, SlipKind kind, String subject) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		return db.inTransaction((Connection c) -> Issuances.printed(c, kind.name(), subject));
	}

	@Override
	public void slipPrinted(Actor clerk, SlipKind kind, String subject) throws ServiceException {
		Guard.require(clerk, Permission.PRINT_SLIP);
		if (kind == null || subject == null || !SUBJECT.matcher(subject).matches()) {
			throw new ServiceException(Reason.INVALID_INPUT, "subject: card:<serial>, subscriber:<id> or form:<id>");
		}
		Instant now = ra.clock.instant();
		db.inTransaction((Connection c) -> {
			if (!Issuances.recordPrint(c, kind.name(), subject, clerk.account(), now)) {
				throw new ServiceException(Reason.ALREADY_PRINTED, kind + " for " + subject + " was printed before");
			}
			AuditRecords.append(c, clerk, "SLIP_PRINTED", subject, null, kind.name(), now);
			return null;
		});
	}

	@Override
	public void handOver(Actor staff, String cardSerial, Delivery delivery) throws ServiceException {
		if (delivery == null || delivery.method() == null) {
			throw new ServiceException(Reason.INVALID_INPUT, "method: at the counter or by mail");
		}
		Guard.require(staff, delivery.method() == Delivery.Method.MAIL && staff.role().may(Permission.RECORD_MAILING)
				? Permission.RECORD_MAILING : Permission.HAND_OVER);
		if (delivery.method() == Delivery.Method.MAIL && !TRACKING.matcher(delivery.trackingNumber()).matches()) {
			throw new ServiceException(Reason.INVALID_INPUT, "trackingNumber: 8 to 30 letters and digits");
		}
		if (delivery.recipient().isEmpty() || delivery.recipient().length() > 100) {
			throw new ServiceException(Reason.INVALID_INPUT, "recipient: who receives the card (at most 100 characters)");
		}
		Instant now = ra.clock.instant();
		try {
			db.inTransaction((Connection c) -> {
				CardRow card = Cards.find(c, cardSerial).orElseThrow(() -> Guard.notFound("card " + cardSerial));
				CardState cardTo = Guard.next(CardFlow.TRANSITIONS, card.state(), CardEvent.ISSUE);
				SubscriberRow subscriber = Subscribers.find(c, card.subscriberId())
						.orElseThrow(() -> Guard.notFound("subscriber of card " + cardSerial));
				if (!Issuances.printed(c, SlipKind.CARD_PIN.name(), "card:" + cardSerial)
						|| !Issuances.printed(c, SlipKind.WEBSITE_PASSWORD.name(), "subscriber:" + subscriber.id())) {
					throw new ServiceException(Reason.SLIPS_NOT_PRINTED, "print the PIN slip and the password slip first");
				}
				Cards.move(c, card, cardTo);
				Issuances.handedOver(c, cardSerial, delivery.method().name(), delivery.recipient(), delivery.trackingNumber(),
						delivery.readerSold(), staff.account(), now);
				AuditRecords.append(c, staff, "CARD_HANDED_OVER", "card:" + cardSerial, card.state(),
						cardTo + " " + delivery.method() + (delivery.trackingNumber().isEmpty() ? "" : " " + delivery.trackingNumber())
								+ (delivery.readerSold() ? " +reader" : ""), now);
				Optional<RequestRow> request = Requests.find(c, subscriber.requestId());
				if (request.isPresent() && request.get().state() == RequestState.REGISTERED) {
					RequestState to = Guard.next(RegistrationFlow.TRANSITIONS, request.get().state(), RequestEvent.DELIVER);
					Requests.move(c, request.get(), to);
					AuditRecords.append(c, staff, "REQUEST_DELIVERED", "request:" + request.get().id(), request.get().state(), to, now);
				}
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}
}
