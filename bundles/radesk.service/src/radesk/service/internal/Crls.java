package radesk.service.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import radesk.api.PublicationDesk.Crl;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.CrlDesk.Published;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.pki.RevokedEntry;
import radesk.store.AuditRecords;
import radesk.store.Certificates;
import radesk.store.Database;
import radesk.store.Revocations;

/**
 * Publishes the CRL: every revoked certificate, a new CRL number, signed by the issuing CA. Each
 * CRL is a file of its own ({@code <data>/publish/crl/issuing-<number>.crl}), and a small pointer
 * ({@code current.properties}: number, validity, the status counter it was made from) names the
 * one being served; both are replaced whole, the CRL before its pointer, so a reader never sees
 * half a CRL nor a pointer to one not written yet. The CRL number is taken and committed first:
 * a crash afterwards skips a number, never repeats one (also across restarts and servers, which
 * share the counter). {@code publish/radesk-issuing.crl} links to the current one, with the CA
 * certificates beside it ({@code root.cer}, {@code issuing.cer}).
 */
final class Crls {

	/** A CRL is made again at least this often (relying parties see a fresh one well before its nextUpdate). */
	static final Duration REFRESH = Duration.ofDays(1);

	private Crls() {
	}

	static Path folder() {
		return DataFolder.resolve().resolve("publish");
	}

	/** The CRL being served, as its pointer names it; empty before the first. */
	static Optional<Current> current() {
		Path pointer = folder().resolve("crl").resolve("current.properties");
		if (!Files.exists(pointer)) {
			return Optional.empty();
		}
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(pointer)) {
			p.load(in);
			Path file = pointer.resolveSibling(p.getProperty("file"));
			return Files.exists(file) ? Optional.of(new Current(new Crl(file, Long.parseLong(p.getProperty("number")),
					Instant.parse(p.getProperty("thisUpdate")), Instant.parse(p.getProperty("nextUpdate")),
					Instant.parse(p.getProperty("thisUpdate")).plus(REFRESH)), Long.parseLong(p.getProperty("statusVersion"))))
					: Optional.empty();
		} catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	/** The served CRL and the status counter it was made from. */
	record Current(Crl crl, long statusVersion) {

		/** Whether it must be made again: older than its schedule, made before the status last changed, or from a clock set back. */
		boolean due(Instant now, long statusVersion) {
			return !now.isBefore(crl.refreshBy()) || now.isBefore(crl.thisUpdate()) || statusVersion > this.statusVersion;
		}
	}

	static synchronized Published publish(Database db, EmbeddedRa ra, Actor by) throws ServiceException {
		Instant now = ra.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		record Taken(long number, long statusVersion, List<RevokedEntry> entries) {
		}
		// the counter first, then the list: the list holds at least every change the counter counts
		Taken taken = db.inTransaction((Connection c) -> {
			long version = Revocations.version(c);
			List<RevokedEntry> entries = Certificates.revoked(c).stream()
					.map(r -> new RevokedEntry(new BigInteger(r.serial(), 16), r.at(), r.reasonCode())).toList();
			return new Taken(Certificates.takeCrlNumber(c), version, entries);
		});
		try {
			Path crls = folder().resolve("crl");
			Files.createDirectories(crls);
			Path file = crls.resolve("issuing-" + taken.number() + ".crl");
			replace(file, ra.ca.crlEncoded(taken.entries(), BigInteger.valueOf(taken.number()), now));
			Instant nextUpdate = now.plus(ra.ca.profile().crlValidity());
			db.inTransaction((Connection c) -> {
				Certificates.crlPublished(c, taken.number(), now, taken.entries().size(), by.account());
				AuditRecords.append(c, by, "CRL_PUBLISHED", "crl:" + taken.number(), null,
						taken.entries().size() + " entries, next update " + nextUpdate, now);
				return null;
			});
			Properties pointer = new Properties();
			pointer.setProperty("number", Long.toString(taken.number()));
			pointer.setProperty("thisUpdate", now.toString());
			pointer.setProperty("nextUpdate", nextUpdate.toString());
			pointer.setProperty("statusVersion", Long.toString(taken.statusVersion()));
			pointer.setProperty("file", file.getFileName().toString());
			Path staged = Files.createTempFile(crls, "current", ".tmp");
			try (OutputStream out = Files.newOutputStream(staged)) {
				pointer.store(out, "the CRL being served");
			}
			Files.move(staged, crls.resolve("current.properties"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			link(file, folder().resolve("radesk-issuing.crl"));
			replace(folder().resolve("issuing.cer"), ra.ca.issuing().getEncoded());
			replace(folder().resolve("root.cer"), ra.ca.root().getEncoded());
			prune(crls, taken.number());
			return new Published(taken.number(), taken.entries().size(), now, folder().resolve("radesk-issuing.crl").toString());
		} catch (GeneralSecurityException | IOException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the CRL could not be published: " + e.getMessage());
		}
	}

	private static void replace(Path target, byte[] content) throws IOException {
		Path temp = Files.createTempFile(target.getParent(), "publish", ".tmp");
		Files.write(temp, content);
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** {@code name} made to be the same file as {@code file} (a hard link, or a copy where links are not possible), whole. */
	private static void link(Path file, Path name) throws IOException {
		Path temp = name.resolveSibling(".link-" + System.nanoTime());
		try {
			Files.createLink(temp, file);
		} catch (UnsupportedOperationException | IOException e) {
			Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.move(temp, name, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Older CRLs removed, the two before the current kept (a download under way finishes from its open file anyway). */
	private static void prune(Path crls, long current) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(crls, "issuing-*.crl")) {
			for (Path f : files) {
				String n = f.getFileName().toString();
				try {
					if (Long.parseLong(n.substring("issuing-".length(), n.length() - ".crl".length())) < current - 2) {
						Files.deleteIfExists(f);
					}
				} catch (NumberFormatException e) {
					// not one of ours
				}
			}
		}
	}
}
