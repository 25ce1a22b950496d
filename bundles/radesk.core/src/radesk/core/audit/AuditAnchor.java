package radesk.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A signed statement of the audit chain's head: "entry {@code seq} has hash {@code hash}", signed
 * with the RA's anchor key at {@code at}. The hash chain alone shows an edited or removed entry
 * in the middle, but not a tail cut off (or a whole trail rebuilt) by someone who can write the
 * database; an anchor kept elsewhere does: the trail must still hold entry {@code seq} with that
 * hash. Its text form is what the operator copies off the machine and gives the verify command.
 */
public record AuditAnchor(long seq, String hash, Instant at, byte[] signature) {

	private static final String HEADER = "RA Desk audit anchor v1";
	public static final String ALGORITHM = "SHA256withECDSA";

	public AuditAnchor {
		signature = signature.clone();
	}

	@Override
	public byte[] signature() {
		return signature.clone();
	}

	private static byte[] signedBytes(long seq, String hash, Instant at) {
		return (HEADER + "\n" + seq + "\n" + hash + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
	}

	public static AuditAnchor sign(long seq, String hash, Instant at, PrivateKey key) throws GeneralSecurityException {
		Signature s = Signature.getInstance(ALGORITHM);
		s.initSign(key);
		s.update(signedBytes(seq, hash, at));
		return new AuditAnchor(seq, hash, at, s.sign());
	}

	public boolean signedBy(PublicKey key) {
		try {
			Signature s = Signature.getInstance(ALGORITHM);
			s.initVerify(key);
			s.update(signedBytes(seq, hash, at));
			return s.verify(signature);
		} catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	/** The text an operator keeps: one field a line. */
	public String text() {
		return HEADER + "\nseq: " + seq + "\nhash: " + hash + "\nat: " + at + "\nsignature: "
				+ Base64.getEncoder().encodeToString(signature) + "\n";
	}

	/** Reads {@link #text()}; empty when it is not an anchor. */
	public static Optional<AuditAnchor> parse(String text) {
		String[] lines = text.strip().split("\\R");
		if (lines.length != 5 || !lines[0].equals(HEADER)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new AuditAnchor(Long.parseLong(value(lines[1], "seq")), value(lines[2], "hash"),
					Instant.parse(value(lines[3], "at")), Base64.getDecoder().decode(value(lines[4], "signature"))));
		} catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static String value(String line, String name) {
		if (!line.startsWith(name + ": ")) {
			throw new IllegalArgumentException(name);
		}
		return line.substring(name.length() + 2).strip();
	}

	/**
	 * What is wrong with {@code inOrder} (the whole trail, oldest first) against this anchor: the
	 * anchored entry missing (the tail cut off) or different (the trail rewritten); empty if it holds.
	 */
	public Optional<String> breach(List<AuditEntry> inOrder) {
		if (inOrder.size() < seq) {
			return Optional.of("TRUNCATED: the anchor of " + at + " names entry " + seq + ", the trail ends at entry "
					+ inOrder.size());
		}
		AuditEntry anchored = inOrder.get((int) (seq - 1));
		if (anchored.seq() != seq || !anchored.hash().equals(hash)) {
			return Optional.of("REWRITTEN: entry " + seq + " is not the one anchored at " + at);
		}
		return Optional.empty();
	}
}
