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
import java.util.List;
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

	/**
	 * The whole trail as JSON lines ({@code <data>/audit/exports/audit-<time>.jsonl}), its chain
	 * verified first (the answer says whether it held), and a detached SHA256withECDSA signature
	 * by the anchor key beside it ({@code .sig}, DER: what {@code openssl dgst -verify} reads).
	 */
	radesk.api.staff.AuditTrail.Export export(Instant now) throws IOException, GeneralSecurityException {
		List<AuditEntry> entries = db.read((Connection c) -> AuditRecords.all(c));
		boolean intact = radesk.core.audit.AuditChain.firstBroken(entries).isEmpty();
		Path exports = folder.resolveSibling("exports");
		Files.createDirectories(exports);
		String name = "audit-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
				.format(now);
		Path file = exports.resolve(name + ".jsonl");
		for (int i = 2; Files.exists(file); i++) {
			file = exports.resolve(name + "-" + i + ".jsonl");
		}
		StringBuilder out = new StringBuilder();
		for (AuditEntry e : entries) {
			out.append("{\"seq\":").append(e.seq()).append(",\"at\":").append(json(e.at().toString())).append(",\"actor\":")
					.append(json(e.actor())).append(",\"role\":").append(json(e.role())).append(",\"workstation\":")
					.append(json(e.workstation())).append(",\"action\":").append(json(e.action())).append(",\"subject\":")
					.append(json(e.subject())).append(",\"before\":").append(json(e.before())).append(",\"after\":")
					.append(json(e.after())).append(",\"prevHash\":").append(json(e.prevHash())).append(",\"hash\":")
					.append(json(e.hash())).append("}\n");
		}
		byte[] bytes = out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
		signer.initSign(key(), random);
		signer.update(bytes);
		Path staging = Files.createTempFile(exports, ".export-", ".jsonl");
		Files.write(staging, bytes);
		Path signature = file.resolveSibling(file.getFileName() + ".sig");
		Files.write(signature, signer.sign());
		Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
		return new radesk.api.staff.AuditTrail.Export(file.toString(), signature.toString(), entries.size(), intact,
				java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
	}

	/** A JSON string (or null), every control character escaped. */
	private static String json(String s) {
		if (s == null) {
			return "null";
		}
		StringBuilder b = new StringBuilder("\"");
		for (char ch : s.toCharArray()) {
			switch (ch) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			default -> {
				if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
					b.append(String.format("\\u%04x", (int) ch));
				} else {
					b.append(ch);
				}
			}
			}
		}
		return b.append('"').toString();
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
