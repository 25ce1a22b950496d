package radesk.service.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.LostCardDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.SuspensionDesk;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.certificate.CertificateEvent;
import radesk.core.certificate.CertificateFlow;
import radesk.core.certificate.CertificateState;
import radesk.store.AuditRecords;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.SessionRecords;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/**
 * 暫禁 and 恢復使用 (MOICA's lost-card hold): every change in one transaction with its audit entry
 * and the status counter (so OCSP answers anew), then a CRL published at once. A suspended
 * certificate's card sessions end at once; its card logs in no more, renews nothing, gets no
 * reminders (all of them ask for ON_CARD). Resuming takes an RA officer who did not suspend it
 * (dual control); a suspension the subscriber made is resumed by any officer, at the counter.
 */
@Component(service = { SuspensionDesk.class, LostCardDesk.class })
public final class LocalSuspensionDesk implements SuspensionDesk, LostCardDesk {

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalSuspensionDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public List<String> reportLost(Actor subscriber) throws ServiceException {
		Guard.require(subscriber, Permission.REPORT_LOST_CARD);
		Instant now = ra.clock.instant();
		List<String> suspended = written(() -> db.inTransaction((Connection c) -> {
			SubscriberRow holder = Subscribers.byAccount(c, subscriber.account()).orElseThrow(() -> Guard.notFound("subscriber"));
			List<String> held = new ArrayList<>();
			for (CertificateRow cert : Certificates.ofSubscriber(c, holder.id())) {
				if (cert.state() == CertificateState.ON_CARD || cert.state() == CertificateState.ISSUED_NOT_ON_CARD) {
					suspend(c, subscriber, cert, "reported lost by the subscriber", now);
					held.add(cert.identifier());
				}
			}
			if (held.isEmpty()) {
				AuditRecords.append(c, subscriber, "SUSPENSION_REFUSED", "subscriber:" + holder.id(), null,
						"reported lost: no certificate in use", now);
			}
			return held;
		}));
		if (!suspended.isEmpty()) {
			Crls.publish(db, ra, subscriber);
		}
		return suspended;
	}

	/** Why, for the record: at most {@value #NOTE} characters. */
	static final int NOTE = 200;

	private static void checkNote(String note) throws ServiceException {
		if (note != null && note.strip().length() > NOTE) {
			throw new ServiceException(Reason.INVALID_INPUT, "note: at most " + NOTE + " characters");
		}
	}

	@Override
	public void suspend(Actor staff, String certificate, String note) throws ServiceException {
		Guard.require(staff, Permission.SUSPEND_CERTIFICATE);
		checkNote(note);
		Instant now = ra.clock.instant();
		written(() -> db.inTransaction((Connection c) -> {
			CertificateRow cert = named(c, certificate);
			suspend(c, staff, cert, note == null || note.isBlank() ? "at the counter" : note.strip(), now);
			return null;
		}));
		Crls.publish(db, ra, staff);
	}

	@Override
	public void resume(Actor officer, String certificate, String note) throws ServiceException {
		Guard.require(officer, Permission.RESUME_CERTIFICATE);
		checkNote(note);
		Instant now = ra.clock.instant();
		written(() -> db.inTransaction((Connection c) -> {
			CertificateRow cert = named(c, certificate);
			Guard.next(CertificateFlow.TRANSITIONS, cert.state(), CertificateEvent.RESUME);
			Certificates.Suspension held = Certificates.suspension(c, cert.serial())
					.orElseThrow(() -> new ServiceException(Reason.WRONG_STATE, "certificate " + cert.identifier() + " is not suspended"));
			if (!Subscribers.find(c, cert.subscriberId()).map(SubscriberRow::account).orElse("").equals(held.by())) {
				// the subscriber's own report needs no second officer; a colleague's suspension does
				Guard.dualControl(held.by(), officer);
			}
			CertificateState to = held.from() == CertificateState.ISSUED_NOT_ON_CARD ? CertificateState.ISSUED_NOT_ON_CARD
					: CertificateState.ON_CARD;
			Certificates.resume(c, cert, to);
			AuditRecords.append(c, officer, "CERTIFICATE_RESUMED", "certificate:" + cert.serial(), CertificateState.SUSPENDED,
					to + (note == null || note.isBlank() ? "" : ": " + note.strip()), now);
			ra.externalCa.changeStatus(c, cert, ExternalCa.RELEASE);
			return null;
		}));
		Crls.publish(db, ra, officer);
	}

	private void suspend(Connection c, Actor by, CertificateRow cert, String why, Instant now)
			throws SQLException, ServiceException {
		Guard.next(CertificateFlow.TRANSITIONS, cert.state(), CertificateEvent.SUSPEND);
		Certificates.suspend(c, cert, now, by.account());
		// whoever logged in with this certificate's card is logged out at once
		SessionRecords.endForCertificate(c, cert.identifier());
		AuditRecords.append(c, by, "CERTIFICATE_SUSPENDED", "certificate:" + cert.serial(), cert.state(), "SUSPENDED: " + why, now);
		ra.externalCa.changeStatus(c, cert, Certificates.HOLD); // an external CA's certificate is held there too, or nothing changes
	}

	/** A certificate by its 憑證識別碼 or serial. */
	private static CertificateRow named(Connection c, String certificate) throws SQLException, ServiceException {
		String named = certificate == null ? "" : certificate.strip();
		if (named.isEmpty() || named.length() > 64) {
			throw new ServiceException(Reason.INVALID_INPUT, "certificate: give its 憑證識別碼 or serial");
		}
		var bySerial = Certificates.find(c, named.toLowerCase(Locale.ROOT));
		return (bySerial.isPresent() ? bySerial : Certificates.byIdentifier(c, named.toUpperCase(Locale.ROOT)))
				.orElseThrow(() -> new ServiceException(Reason.NOT_FOUND, "no certificate " + named));
	}

	@FunctionalInterface
	private interface Write<T> {
		T run() throws ServiceException;
	}

	private static <T> T written(Write<T> work) throws ServiceException {
		try {
			return work.run();
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}
}
