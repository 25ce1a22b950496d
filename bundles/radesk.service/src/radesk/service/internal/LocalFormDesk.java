package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.CardSecrets;
import radesk.api.staff.FormDesk;
import radesk.api.staff.NewSubscriber;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.core.card.Pins;
import radesk.core.certificate.CertificateEvent;
import radesk.core.certificate.CertificateFlow;
import radesk.core.review.Decision;
import radesk.core.review.FormEvent;
import radesk.core.review.FormFlow;
import radesk.core.review.FormKind;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.FormRow;
import radesk.store.Forms;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/** PIN unlock and password reset: submitted, decided by another person, then carried out once. */
@Component(service = FormDesk.class)
public final class LocalFormDesk implements FormDesk {

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalFormDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public long submitPinUnlock(Actor clerk, String cardSerial, String note) throws ServiceException {
		Guard.require(clerk, Permission.SUBMIT_FORM);
		return db.inTransaction((Connection c) -> {
			CardRow card = Cards.find(c, cardSerial).orElseThrow(() -> Guard.notFound("card " + cardSerial));
			// locked as the records know it, or in the subscriber's hands with its lock (or a forgotten PIN) counted on the
			// card alone — the subscriber edition works the card at home; the form's officer checks who asks
			if (card.state() != CardState.LOCKED && card.state() != CardState.ISSUED) {
				throw new ServiceException(Reason.WRONG_STATE, "card " + cardSerial + " is " + card.state() + ", not in use");
			}
			return submit(c, clerk, FormKind.PIN_UNLOCK, cardSerial, note);
		});
	}

	@Override
	public long submitPasswordReset(Actor clerk, String account, String note) throws ServiceException {
		Guard.require(clerk, Permission.SUBMIT_FORM);
		return db.inTransaction((Connection c) -> {
			Subscribers.byAccount(c, account).orElseThrow(() -> Guard.notFound("account " + account));
			return submit(c, clerk, FormKind.PASSWORD_RESET, account, note);
		});
	}

	@Override
	public long submitRevocation(Actor staff, String certificate, RevocationReason reason, String note) throws ServiceException {
		Guard.require(staff, Permission.SUBMIT_FORM);
		if (reason == null) {
			throw new ServiceException(Reason.INVALID_INPUT, "reason: choose why the certificate is revoked");
		}
		String named = certificate == null ? "" : certificate.strip();
		return db.inTransaction((Connection c) -> {
			CertificateRow cert = Certificates.find(c, named.toLowerCase(java.util.Locale.ROOT))
					.or(() -> byIdentifier(c, named.toUpperCase(java.util.Locale.ROOT)))
					.orElseThrow(() -> new ServiceException(Reason.INVALID_INPUT, "certificate: no certificate " + named));
			// only a certificate that may still be revoked is taken in
			Guard.next(CertificateFlow.TRANSITIONS, cert.state(), CertificateEvent.REVOKE);
			long id = submit(c, staff, FormKind.REVOCATION, cert.serial(), note);
			Forms.reason(c, id, reason.name());
			return id;
		});
	}

	private static java.util.Optional<CertificateRow> byIdentifier(Connection c, String identifier) {
		try {
			return Certificates.byIdentifier(c, identifier);
		} catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public List<FormItem> forms(Actor staff, FormState state) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		return db.inTransaction((Connection c) -> {
			List<FormItem> items = new java.util.ArrayList<>();
			for (FormRow f : Forms.inState(c, state, 500)) {
				java.util.Optional<SubscriberRow> holder = holder(c, f);
				String address = holder.isEmpty() ? ""
						: radesk.store.Requests.find(c, holder.get().requestId()).map(radesk.store.RequestRow::address).orElse("");
				items.add(new FormItem(f.id(), f.kind(), f.state(), f.subject(), holder.map(SubscriberRow::name).orElse(""), address,
						f.detail(),
						f.reason() == null ? null : RevocationReason.valueOf(f.reason()), f.submittedBy(), f.receivedAt(),
						staff.account().equalsIgnoreCase(f.submittedBy())));
			}
			return items;
		});
	}

	/** The subscriber a form is about (through its card, account or certificate). */
	private static java.util.Optional<SubscriberRow> holder(Connection c, FormRow f) throws java.sql.SQLException {
		java.util.Optional<Long> subscriber = switch (f.kind()) {
		case PIN_UNLOCK -> Cards.find(c, f.subject()).map(CardRow::subscriberId);
		case PASSWORD_RESET -> Subscribers.byAccount(c, f.subject()).map(SubscriberRow::id);
		case REVOCATION -> Certificates.find(c, f.subject()).map(CertificateRow::subscriberId);
		};
		return subscriber.isEmpty() ? java.util.Optional.empty() : Subscribers.find(c, subscriber.get());
	}

	private long submit(Connection c, Actor clerk, FormKind kind, String subject, String note) throws java.sql.SQLException {
		Instant now = ra.clock.instant();
		// a form handed in at the counter was checked there: it goes straight to review
		long id = Forms.insert(c, kind, FormState.IN_REVIEW, subject, note == null ? null : note.strip(), clerk.account(), now);
		AuditRecords.append(c, clerk, kind + "_SUBMITTED", "form:" + id, null, subject, now);
		return id;
	}

	@Override
	public void decide(Actor officer, long formId, Decision decision) throws ServiceException {
		Guard.require(officer, Permission.REVIEW);
		try {
			db.inTransaction((Connection c) -> {
				FormRow form = form(c, formId);
				Guard.dualControl(form.submittedBy(), officer);
				FormState to = Guard.next(FormFlow.TRANSITIONS, form.state(), decision.approved() ? FormEvent.APPROVE : FormEvent.REJECT);
				Forms.move(c, form, to, officer.account(), decision.reason().orElse(null));
				AuditRecords.append(c, officer, form.kind() + (decision.approved() ? "_APPROVED" : "_REJECTED"), "form:" + formId,
						form.state(), to, ra.clock.instant());
				if (decision.approved() && form.kind() == FormKind.REVOCATION) {
					revoke(c, officer, form);
				}
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
		if (decision.approved() && db.inTransaction((Connection c) -> form(c, formId)).kind() == FormKind.REVOCATION) {
			Crls.publish(db, ra, officer);
		}
	}

	/** Carries out an approved revocation in the deciding transaction: the certificate is revoked, the form done. */
	private void revoke(Connection c, Actor officer, FormRow decided) throws java.sql.SQLException, ServiceException {
		Guard.require(officer, Permission.REVOKE_CERTIFICATE);
		CertificateRow cert = Certificates.find(c, decided.subject()).orElseThrow(() -> Guard.notFound("certificate " + decided.subject()));
		Guard.next(CertificateFlow.TRANSITIONS, cert.state(), CertificateEvent.REVOKE);
		RevocationReason reason = RevocationReason.valueOf(decided.reason());
		Instant now = ra.clock.instant();
		Certificates.revoke(c, cert, reason, now);
		// whoever logged in with this certificate's card is logged out at once
		radesk.store.SessionRecords.endForCertificate(c, cert.identifier());
		AuditRecords.append(c, officer, "CERTIFICATE_REVOKED", "certificate:" + cert.serial(), cert.state(),
				"REVOKED " + reason, now);
		finish(c, officer, decided, "certificate revoked");
		// signed by the external CA: revoked there too, last, so that its refusal leaves the form and the certificate as they were
		ra.externalCa.changeStatus(c, cert, reason.crlReasonCode());
	}

	@Override
	public CardSecrets beginPinUnlock(Actor clerk, long formId) throws ServiceException {
		Guard.require(clerk, Permission.PERSONALIZE_CARD);
		FormRow form = approved(formId, FormKind.PIN_UNLOCK);
		CardRow card = db.inTransaction((Connection c) -> {
			CardRow found = Cards.find(c, form.subject()).orElseThrow(() -> Guard.notFound("card"));
			// every release of a card's SO PIN to a workstation is on the record (M4)
			AuditRecords.append(c, clerk, "SO_PIN_RELEASED", "card:" + found.serial(), null,
					"to " + clerk.workstation() + " for form " + formId, ra.clock.instant());
			return found;
		});
		return new CardSecrets(card.serial(), ra.soPinOf(card), new Pins(ra.random).newUserPin());
	}

	@Override
	public void confirmPinUnlock(Actor clerk, long formId, byte[] authenticationKey) throws ServiceException {
		Guard.require(clerk, Permission.PERSONALIZE_CARD);
		CardKeys.check(authenticationKey);
		FormRow form = approved(formId, FormKind.PIN_UNLOCK);
		try {
			db.inTransaction((Connection c) -> {
				CardRow before = Cards.find(c, form.subject()).orElseThrow(() -> Guard.notFound("card"));
				if (before.authKey() != null && !java.util.Arrays.equals(before.authKey(), authenticationKey)) {
					throw new ServiceException(ServiceException.Reason.WRONG_CARD, "not the card on record: " + before.serial());
				}
				if (before.authKey() == null) {
					Cards.authenticationKey(c, before, authenticationKey);
					AuditRecords.append(c, clerk, "CARD_BOUND", "card:" + before.serial(), null, "authentication key recorded",
							ra.clock.instant());
				}
				CardRow now = Cards.find(c, form.subject()).orElseThrow();
				CardState to = now.state() == CardState.LOCKED ? Guard.next(CardFlow.TRANSITIONS, now.state(), CardEvent.UNLOCK) : now.state();
				Cards.strikes(c, now, 0, to);
				finish(c, clerk, form, now.state() + " → " + to);
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public NewSubscriber carryOutPasswordReset(Actor clerk, long formId) throws ServiceException {
		Guard.require(clerk, Permission.REGISTER_SUBSCRIBER);
		FormRow form = approved(formId, FormKind.PASSWORD_RESET);
		char[] password = WebsitePasswords.next(ra.random);
		String hash = ra.hasher.hash(password);
		try {
			return db.inTransaction((Connection c) -> {
				SubscriberRow row = Subscribers.byAccount(c, form.subject()).orElseThrow(() -> Guard.notFound("account"));
				Subscribers.newPassword(c, row, hash);
				// the old password's sessions end with it
				radesk.store.SessionRecords.endAll(c, radesk.api.SessionDesk.Kind.SUBSCRIBER.name(), row.account(), null);
				finish(c, clerk, form, "new password" + (row.suspended() ? ", suspension lifted" : ""));
				return new NewSubscriber(row.id(), row.account(), password);
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	private FormRow approved(long formId, FormKind kind) throws ServiceException {
		FormRow form = db.inTransaction((Connection c) -> form(c, formId));
		if (form.kind() != kind) {
			throw Guard.notFound(kind + " form " + formId);
		}
		Guard.next(FormFlow.TRANSITIONS, form.state(), FormEvent.CARRY_OUT);
		return form;
	}

	/** Marks the form carried out; a second attempt finds it so and is refused (no second slip). */
	private void finish(Connection c, Actor clerk, FormRow approvedForm, String what) throws java.sql.SQLException, ServiceException {
		FormRow current = form(c, approvedForm.id());
		FormState to = Guard.next(FormFlow.TRANSITIONS, current.state(), FormEvent.CARRY_OUT);
		Forms.move(c, current, to, null, null);
		AuditRecords.append(c, clerk, current.kind() + "_CARRIED_OUT", "form:" + current.id(), current.state(), what,
				ra.clock.instant());
	}

	private static FormRow form(Connection c, long id) throws java.sql.SQLException, ServiceException {
		return Forms.find(c, id).orElseThrow(() -> Guard.notFound("form " + id));
	}
}
