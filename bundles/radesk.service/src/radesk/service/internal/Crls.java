package radesk.service.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import radesk.api.staff.CrlDesk.Published;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.pki.RevokedEntry;
import radesk.store.AuditRecords;
import radesk.store.Certificates;
import radesk.store.Database;

/**
 * Publishes the CRL: every revoked certificate, a new CRL number, signed by the issuing CA and
 * written to {@code <data>/publish/radesk-issuing.crl} (DER) by replacing the file whole, so a
 * reader never sees half a CRL. The CA certificates are published beside it ({@code root.cer},
 * {@code issuing.cer}), for relying parties to build the chain.
 */
final class Crls {

	private Crls() {
	}

	static Path file() {
		return DataFolder.resolve().resolve("publish").resolve("radesk-issuing.crl");
	}

	static Published publish(Database db, EmbeddedRa ra, Actor by) throws ServiceException {
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> {
			List<RevokedEntry> entries = Certificates.revoked(c).stream()
					.map(r -> new RevokedEntry(new BigInteger(r.serial(), 16), r.at(), r.reason())).toList();
			long number = Certificates.nextCrlNumber(c, now, entries.size(), by.account());
			try {
				byte[] der = ra.ca.crlEncoded(entries, BigInteger.valueOf(number), now);
				Path target = file();
				Files.createDirectories(target.getParent());
				replace(target, der);
				replace(target.resolveSibling("issuing.cer"), ra.ca.issuing().getEncoded());
				replace(target.resolveSibling("root.cer"), ra.ca.root().getEncoded());
				AuditRecords.append(c, by, "CRL_PUBLISHED", "crl:" + number, null, entries.size() + " entries", now);
				return new Published(number, entries.size(), now, target.toString());
			} catch (GeneralSecurityException | IOException e) {
				throw new ServiceException(Reason.WRONG_STATE, "the CRL could not be published: " + e.getMessage());
			}
		});
	}

	private static void replace(Path target, byte[] content) throws IOException {
		Path temp = Files.createTempFile(target.getParent(), "publish", ".tmp");
		Files.write(temp, content);
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
