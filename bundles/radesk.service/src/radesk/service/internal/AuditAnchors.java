package radesk.service.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditAnchor;
import radesk.core.audit.AuditEntry;
import radesk.store.AuditRecords;
import radesk.store.Database;

/**
 * The audit trail's anchors: the chain's head signed with the RA's anchor key (EC P-256, made on
 * first use in {@code <data>/ra/audit-anchor.key}, owner-only; its public half beside it in
 * {@code audit-anchor.pub} for the verify command), written as a text file to
 * {@code <data>/audit/anchors/} for the operator to copy off the machine. Given the last anchor,
 * {@code radesk-verify-audit.sh} finds a tail cut off or a trail rewritten.
 */
final class AuditAnchors {

	static final Actor RA = new Actor("(RA service)", Role.ADMINISTRATOR, "audit");

	private final Database db;
	private final Path keyFile;
	private final Path folder;
	private final SecureRandom random;

	AuditAnchors(Database db, Path data, SecureRandom random) {
		this.db = db;
		this.keyFile = data.resolve("ra").resolve("audit-anchor.key");
		this.folder = data.resolve("audit").resolve("anchors");
		this.random = random;
	}

	/**
	 * Anchors the head of the chain (unless the last anchor names it already: nothing new to say)
	 * and writes the anchor's file; the anchor, or empty for an empty trail.
	 */
	Optional<AuditAnchor> anchor(Instant now) throws IOException, GeneralSecurityException {
		Optional<AuditEntry> newest = db.read((Connection c) -> AuditRecords.head(c));
		if (newest.isEmpty()) {
			return Optional.empty();
		}
		AuditEntry head = newest.get();
		Path file = folder.resolve(String.format("anchor-%012d.txt", head.seq()));
		if (Files.exists(file)) {
			return AuditAnchor.parse(Files.readString(file));
		}
		AuditAnchor anchor = AuditAnchor.sign(head.seq(), head.hash(), now, key());
		Files.createDirectories(folder);
		Path staging = Files.createTempFile(folder, ".anchor-", ".txt");
		Files.writeString(staging, anchor.text());
		Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
		return Optional.of(anchor);
	}

	private PrivateKey key() throws IOException, GeneralSecurityException {
		if (!Files.exists(keyFile)) {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
			g.initialize(new ECGenParameterSpec("secp256r1"), random);
			KeyPair pair = g.generateKeyPair();
			Files.createDirectories(keyFile.getParent());
			Path staging = Files.createTempFile(keyFile.getParent(), ".anchor-", ".key");
			try {
				Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
			} catch (UnsupportedOperationException e) {
				// Windows: %APPDATA% is private to the user
			}
			Files.write(staging, pair.getPrivate().getEncoded());
			Files.write(keyFile.resolveSibling("audit-anchor.pub"), pair.getPublic().getEncoded());
			Files.move(staging, keyFile, StandardCopyOption.ATOMIC_MOVE);
		}
		return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
	}
}
