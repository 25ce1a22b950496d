package radesk.service.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.pki.CmpClient;
import radesk.pki.CmpSettings;
import radesk.store.CertificateRow;
import radesk.store.Certificates;

/**
 * The certificate authority of the operator's choice, over CMP, in place of the embedded one for
 * subscribers' certificates: chosen by {@code <data>/ca/cmp.properties} ({@link CmpSettings}),
 * read again when that file changes. Staff cards, the RA's mail signer and its TLS stay with the
 * embedded CA. What the external CA signed it also revokes, holds and releases (asked here, within
 * the RA's transaction, so that a refusal changes nothing); its CRL and OCSP are its own.
 */
final class ExternalCa {

	private static final System.Logger LOG = System.getLogger(ExternalCa.class.getName());
	/** RFC 5280 CRL reasons: a hold's release (a hold is {@link Certificates#HOLD}), and a certificate replaced. */
	static final int RELEASE = 8;
	private static final int SUPERSEDED = 4;

	private final Path folder;
	private FileTime readAt;
	private Optional<CmpSettings> settings = Optional.empty();

	ExternalCa(Path folder) {
		this.folder = folder;
	}

	/** The external CA's settings, if one is chosen; a file that does not parse refuses issuance with its words. */
	synchronized Optional<CmpSettings> settings() throws ServiceException {
		Path file = folder.resolve(CmpSettings.FILE);
		try {
			FileTime changed = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
			if (changed == null) {
				settings = Optional.empty();
			} else if (!changed.equals(readAt)) {
				settings = CmpSettings.read(folder);
				LOG.log(System.Logger.Level.INFO, "subscribers' certificates come from the external CA at " + settings.get().client().server()
						+ "; relying parties: CRL " + settings.get().crl() + ", OCSP " + settings.get().ocsp());
			}
			readAt = changed;
			return settings;
		} catch (IOException | IllegalArgumentException e) {
			readAt = null;
			LOG.log(System.Logger.Level.ERROR, "the external CA's settings: " + e.getMessage());
			throw new ServiceException(Reason.CA_REFUSED, "the external CA's settings: " + e.getMessage());
		}
	}

	Optional<CmpClient> client() throws ServiceException {
		return settings().map(s -> new CmpClient(s.client()));
	}

	/**
	 * Asks the external CA to revoke ({@code reason} an RFC 5280 code), hold or release {@code cert},
	 * if that CA signed it; nothing for the RA's own certificates. Refused or unreachable: CA_REFUSED,
	 * and the caller's transaction rolls back.
	 */
	void changeStatus(Connection c, CertificateRow cert, int reason) throws SQLException, ServiceException {
		if (!Certificates.byExternalCa(c, cert.serial())) {
			return;
		}
		CmpClient client = client().orElseThrow(() -> new ServiceException(Reason.CA_REFUSED,
				"certificate " + cert.identifier() + " was signed by the external CA, which is no longer configured"));
		try {
			client.revoke(LocalCertificateDesk.x509(cert), reason);
		} catch (CmpClient.CmpException | IOException e) {
			throw new ServiceException(Reason.CA_REFUSED, "the external CA did not change " + cert.identifier() + ": " + e.getMessage());
		}
	}

	/** After a lost race: the external CA's certificate that nobody will get is revoked there (superseded), or logged. */
	void withdraw(X509Certificate unused) {
		try {
			client().orElseThrow().revoke(unused, SUPERSEDED);
		} catch (ServiceException | CmpClient.CmpException | IOException | RuntimeException e) {
			LOG.log(System.Logger.Level.ERROR, "the external CA's certificate " + unused.getSerialNumber().toString(16)
					+ " went to nobody and could not be revoked there: revoke it at the CA", e);
		}
	}
}
