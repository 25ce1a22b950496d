package radesk.service.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.PublicationDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.DataFolder;
import radesk.core.PublicBase;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.pki.OcspResponder;
import radesk.pki.OcspSigner;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.Revocations;

/**
 * The CRL, the CA certificates and OCSP, for the RA server's plain-HTTP listener. The CRL is made
 * again when it is older than {@link Crls#REFRESH}, or the status counter moved since it was made
 * (a revocation publishes at once anyway; this also covers one cut short by a crash, and another
 * server's change). OCSP answers come from the records as they are: a response signed earlier is
 * handed out again only while the status counter (read at most once a second) has not moved and it
 * is younger than {@link #OCSP_REFRESH}. The responder's certificate is renewed by {@link #refresh}.
 */
@Component(service = PublicationDesk.class)
public final class LocalPublicationDesk implements PublicationDesk {

	/** How long an OCSP response says it holds (nextUpdate). */
	static final Duration OCSP_VALIDITY = Duration.ofDays(1);
	/** A kept OCSP response is signed again once this old. */
	static final Duration OCSP_REFRESH = Duration.ofHours(1);
	private static final long VERSION_READ_NANOS = 1_000_000_000L;

	private final Database db;
	private final EmbeddedRa ra;
	private final Actor job = new Actor("(publication)", Role.ADMINISTRATOR, "publication job");
	private final OcspResponder responder;
	private volatile OcspSigner signer;
	private volatile long version = -1;
	private volatile long versionReadAt;
	private final Object publishing = new Object();

	@Activate
	public LocalPublicationDesk(@Reference Database db, @Reference EmbeddedRa ra) throws GeneralSecurityException, IOException {
		this.db = db;
		this.ra = ra;
		this.signer = responderSigner(null);
		this.responder = new OcspResponder(ra.ca.issuing(), () -> signer, ra.clock, OCSP_VALIDITY, OCSP_REFRESH);
		auditCaCertificates();
	}

	/** The CA certificates in force, audited once each: made at the key ceremony, or renewed with the root brought back. */
	private void auditCaCertificates() {
		for (java.security.cert.X509Certificate ca : java.util.List.of(ra.ca.issuing(), ra.ca.tlsCa())) {
			String subject = "ca-certificate:" + ca.getSerialNumber().toString(16);
			db.inTransaction((Connection c) -> AuditRecords.about(c, subject).isEmpty()
					? AuditRecords.append(c, job, "CA_CERTIFIED", subject, null, ca.getSubjectX500Principal().getName() + ", valid "
							+ ca.getNotBefore().toInstant() + " to " + ca.getNotAfter().toInstant(), ra.clock.instant())
					: null);
		}
	}

	/** The responder's key and certificate, renewed when due; a new one is audited. */
	private OcspSigner responderSigner(OcspSigner before) throws GeneralSecurityException, IOException {
		OcspSigner now = OcspSigner.ensure(ra.ca, DataFolder.resolve().resolve("ca"), ra.clock.instant(), ra.random);
		if (now.fresh()) {
			Instant at = ra.clock.instant();
			db.inTransaction((Connection c) -> AuditRecords.append(c, job, "OCSP_RESPONDER_CERTIFIED",
					"ocsp-responder:" + now.certificate().getSerialNumber().toString(16),
					before == null ? null : "until " + before.certificate().getNotAfter().toInstant(),
					"valid until " + now.certificate().getNotAfter().toInstant(), at));
		}
		return now;
	}

	private long version() {
		long read = System.nanoTime();
		if (version < 0 || read - versionReadAt > VERSION_READ_NANOS) {
			version = db.read((Connection c) -> Revocations.version(c));
			versionReadAt = read;
		}
		return version;
	}

	@Override
	public Crl currentCrl() throws ServiceException {
		Optional<Crls.Current> current = Crls.current();
		if (current.isPresent() && !current.get().due(ra.clock.instant(), version())) {
			return current.get().crl();
		}
		synchronized (publishing) {
			version = -1; // read it afresh
			current = Crls.current();
			if (current.isEmpty() || current.get().due(ra.clock.instant(), version())) {
				Crls.publish(db, ra, job);
				current = Crls.current();
			}
		}
		return current.orElseThrow(() -> new ServiceException(Reason.WRONG_STATE, "the CRL could not be published"))
				.crl();
	}

	@Override
	public Optional<byte[]> caCertificate(String name) {
		try {
			return switch (name) {
			case "issuing" -> Optional.of(ra.ca.issuing().getEncoded());
			case "root" -> Optional.of(ra.ca.root().getEncoded());
			default -> Optional.empty();
			};
		} catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public OcspAnswer ocsp(byte[] request) {
		OcspResponder.Answer a = responder.answer(request, serial -> db.read((Connection c) -> Revocations.of(c, serial))
				.map(s -> s.revokedAt() == null ? OcspResponder.Status.GOOD
						: OcspResponder.Status.revoked(s.revokedAt(), s.reasonCode()))
				.orElse(OcspResponder.Status.UNKNOWN), version());
		return new OcspAnswer(a.der(), a.thisUpdate(), a.nextUpdate());
	}

	@Override
	public void refresh() throws ServiceException {
		currentCrl();
		if (!signer.renewalDue(ra.clock.instant())) {
			return; // nothing read from disk until the certificate is due
		}
		try {
			signer = responderSigner(signer);
		} catch (GeneralSecurityException | IOException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the OCSP responder's certificate could not be renewed: " + e.getMessage());
		}
	}

	@Override
	public String publicBase() {
		return PublicBase.current();
	}
}
