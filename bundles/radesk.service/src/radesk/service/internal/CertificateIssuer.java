package radesk.service.internal;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.certificate.CertificateEvent;
import radesk.core.certificate.CertificateFlow;
import radesk.core.certificate.CertificateState;
import radesk.core.certificate.IssuanceLimits;
import radesk.pki.CertificateSubject;
import radesk.pki.CheckedCsr;
import radesk.store.AuditRecords;
import radesk.store.Cards;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.Database;
import radesk.store.GroupCommit;
import radesk.store.SubscriberRow;

/**
 * Issuing a subscriber certificate and recording it: shared by 憑證申請 and 憑證展期. In three steps,
 * so that the CA signs on all cores and the records are committed in groups: the checks in a read
 * of the records (a repeat answered, a refusal made, before anything is signed); the signature
 * outside any transaction; the record through one group writer, in whose transaction the checks
 * are made again (another request may have won meanwhile: then its answer, and this signature is
 * never handed out). The caller gets the certificate only once the commit holding its record
 * returned: never a certificate the records could lose.
 */
final class CertificateIssuer implements AutoCloseable {

	/** The checks before a certificate: the earlier answer for a repeat, empty to go on; a refusal thrown. */
	@FunctionalInterface
	interface Admission {
		java.util.Optional<CertificateRow> check(Connection c) throws SQLException, ServiceException;
	}

	/** What the flow records beside the new certificate, in the same transaction. */
	@FunctionalInterface
	interface Beside {
		void record(Connection c, CertificateRow fresh) throws SQLException, ServiceException;
	}

	/** 憑證展期: the certificate renewed, the RA's challenge, and the old key's signature of the key update request. */
	record Renewal(X509Certificate old, byte[] challenge, byte[] signature) {
	}

	private final EmbeddedRa ra;
	private final Database db;
	private GroupCommit records;

	CertificateIssuer(EmbeddedRa ra, Database db) {
		this.ra = ra;
		this.db = db;
	}

	/**
	 * Issues the certificate of a checked request, its subject from the RA's records (never from the
	 * request), and records it 已核發未寫入 for that card and key, audited, with what {@code beside}
	 * adds; {@code admission} is asked before the signature and again with the record.
	 */
	CertificateRow issue(Actor subscriber, SubscriberRow me, CheckedCsr csr, String cardSerial, String keyId, Instant now,
			Admission admission, Beside beside) throws ServiceException {
		return issue(subscriber, me, csr, cardSerial, keyId, now, null, admission, beside);
	}

	/** As above, for 憑證展期 of {@code renewal} (to an external CA, a key update request the old key signed). */
	CertificateRow issue(Actor subscriber, SubscriberRow me, CheckedCsr csr, String cardSerial, String keyId, Instant now,
			Renewal renewal, Admission admission, Beside beside) throws ServiceException {
		CertificateSubject[] subject = new CertificateSubject[1];
		java.util.Optional<CertificateRow> earlier = db.read((Connection c) -> {
			java.util.Optional<CertificateRow> answer = admission.check(c);
			if (answer.isEmpty()) {
				subject[0] = subject(c, me);
			}
			return answer;
		});
		if (earlier.isPresent()) {
			return earlier.get();
		}
		java.util.Optional<radesk.pki.CmpClient> external = ra.externalCa.client();
		X509Certificate x509 = external.isPresent() ? external(external.get(), csr, subject[0], renewal) : sign(csr, subject[0], now);
		try {
			CertificateRow recorded = records().write((Connection c) -> {
				Cards.claim(c, Cards.find(c, cardSerial).orElseThrow());
				java.util.Optional<CertificateRow> won = admission.check(c);
				if (won.isPresent()) {
					return won.get();
				}
				CertificateRow row = row(x509, me.id(), cardSerial, keyId, freeIdentifier(c));
				Certificates.insert(c, row, KeyHashes.of(csr.publicKey()));
				if (external.isPresent()) {
					Certificates.issuedByExternalCa(c, row.serial());
				}
				AuditRecords.append(c, subscriber, "CERTIFICATE_ISSUED", "certificate:" + row.serial(), null,
						CertificateState.ISSUED_NOT_ON_CARD + " for card:" + cardSerial
								+ (external.isPresent() ? ", signed by the external CA " + x509.getIssuerX500Principal().getName() : ""), now);
				CertificateRow fresh = Certificates.find(c, row.serial()).orElseThrow();
				beside.record(c, fresh);
				return fresh;
			});
			if (external.isPresent() && !recorded.serial().equals(serial(x509))) {
				ra.externalCa.withdraw(x509); // another request for this key won meanwhile: the CA's second certificate goes to nobody
			}
			return recorded;
		} catch (ServiceException | RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IllegalStateException("recording a certificate: " + e.getMessage(), e);
		}
	}

	/** One key, one certificate: a key certified before (elsewhere, or revoked as compromised) is refused, 憑證申請 and 憑證展期 alike. */
	static void keyNeverCertified(Connection c, CheckedCsr csr) throws SQLException, ServiceException {
		java.util.Optional<String> before = Certificates.ofKey(c, KeyHashes.of(csr.publicKey()));
		if (before.isPresent()) {
			throw new ServiceException(Reason.BAD_REQUEST, "KEY_REUSED: this key was certified before (" + before.get() + ")");
		}
	}

	/** The subscriber's limit of certificates a window, 憑證申請 and 憑證展期 alike. */
	static void withinLimit(Connection c, SubscriberRow me, Instant now) throws SQLException, ServiceException {
		if (!IssuanceLimits.allowsAnother(Certificates.issuedSince(c, me.id(), now.minus(IssuanceLimits.WINDOW)))) {
			throw new ServiceException(Reason.ISSUANCE_LIMIT, IssuanceLimits.PER_SUBSCRIBER + " certificates within "
					+ IssuanceLimits.WINDOW.toHours() + " hours");
		}
	}

	/** The group writer of certificate records, started at the first issuance. */
	private synchronized GroupCommit records() {
		if (records == null) {
			records = new GroupCommit(db, "certificate records", 256);
		}
		return records;
	}

	@Override
	public synchronized void close() {
		if (records != null) {
			records.close();
		}
	}

	/** The subject, from the records: the e-mail address (and S/MIME) only once confirmed with the mailed code (security review M10). */
	private CertificateSubject subject(Connection c, SubscriberRow me) throws SQLException {
		String confirmed = radesk.store.Mailboxes.of(c, me.id()).filter(m -> m.verifiedAt() != null)
				.map(radesk.store.Mailboxes.Mailbox::email).orElse(null);
		return new CertificateSubject(me.name(), unitName(c, me.raUnit()), confirmed, me.pseudonym());
	}

	/**
	 * The external CA's certificate, over CMP: an ir the RA vouches for (it checked the card's own
	 * request), or for a renewal the key update request the old key signed on the card. A
	 * certificate whose serial the records hold already is refused in the confirmation.
	 */
	private X509Certificate external(radesk.pki.CmpClient client, CheckedCsr csr, CertificateSubject subject, Renewal renewal)
			throws ServiceException {
		radesk.pki.CmpClient.Acceptance fresh = certificate -> db.read((Connection c) -> Certificates.find(c, serial(certificate)))
				.map(taken -> "the CA answered with serial " + taken.serial() + ", which the records hold already").orElse(null);
		try {
			return renewal == null ? client.enrollVouched(csr.publicKey(), ra.ca.profile().subjectPrincipal(subject), fresh)
					: client.update(radesk.pki.KeyUpdateRequest.of(renewal.old(), csr.publicKey(), renewal.challenge()),
							renewal.signature(), csr.publicKey(), fresh);
		} catch (radesk.pki.CmpClient.CmpException | java.io.IOException e) {
			System.getLogger(CertificateIssuer.class.getName()).log(System.Logger.Level.WARNING, "the external CA: " + e.getMessage());
			throw new ServiceException(Reason.CA_REFUSED, e.getMessage());
		}
	}

	private static String serial(X509Certificate x509) {
		return HexFormat.of().formatHex(x509.getSerialNumber().toByteArray());
	}

	private X509Certificate sign(CheckedCsr csr, CertificateSubject subject, Instant now) throws ServiceException {
		try {
			return ra.ca.issue(csr, subject, now);
		} catch (GeneralSecurityException e) {
			// the request passed every check: the CA itself (its token) failed, which its operator must hear of
			System.getLogger(CertificateIssuer.class.getName()).log(System.Logger.Level.ERROR, "the CA could not sign a certificate", e);
			throw new ServiceException(Reason.BAD_REQUEST, "the CA refused: " + e.getMessage());
		}
	}

	private static String unitName(Connection c, String code) throws SQLException {
		try (var ps = c.prepareStatement("select name_zh from ra_unit where code = ?")) {
			ps.setString(1, code);
			try (var rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : code;
			}
		}
	}

	private String freeIdentifier(Connection c) throws SQLException {
		while (true) {
			String id = String.format("C%011d", ra.random.nextLong(100_000_000_000L));
			if (Certificates.byIdentifier(c, id).isEmpty()) {
				return id;
			}
		}
	}

	private static CertificateRow row(X509Certificate x509, long subscriberId, String cardSerial, String keyId, String identifier)
			throws ServiceException {
		try {
			return new CertificateRow(serial(x509), identifier, subscriberId,
					cardSerial, keyId, CertificateState.ISSUED_NOT_ON_CARD, x509.getNotBefore().toInstant(),
					x509.getNotAfter().toInstant(), x509.getEncoded(), 0);
		} catch (java.security.cert.CertificateEncodingException e) {
			throw new ServiceException(Reason.BAD_REQUEST, e.getMessage());
		}
	}


	/**
	 * {@code onCard} just went onto its card: if it renews an older certificate (憑證展期), that one is
	 * superseded now, its queued notices cancelled, audited.
	 */
	static void supersedeRenewed(Connection c, Actor subscriber, CertificateRow onCard, Instant now) throws SQLException, ServiceException {
		java.util.Optional<String> renewed = Certificates.renewedBy(c, onCard.serial());
		if (renewed.isEmpty()) {
			return;
		}
		CertificateRow old = Certificates.find(c, renewed.get()).orElseThrow();
		if (old.state() != CertificateState.ON_CARD) {
			return;
		}
		CertificateState to = Guard.next(CertificateFlow.TRANSITIONS, old.state(), CertificateEvent.SUPERSEDE);
		Certificates.move(c, old, to);
		radesk.store.Notices.cancelQueued(c, old.serial(), "renewed by " + onCard.identifier());
		AuditRecords.append(c, subscriber, "CERTIFICATE_SUPERSEDED", "certificate:" + old.serial(), old.state(),
				to + " by certificate:" + onCard.serial(), now);
	}
}
