package radesk.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * The audit trail is a hash chain: each entry's hash covers its own fields and the previous
 * entry's hash, so changing, removing or reordering any entry breaks every link after it.
 */
public final class AuditChain {

	/** The link before the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	/**
	 * The next entry after {@code prevSeq}/{@code prevHash}, with its hash computed. Its time is
	 * cut to whole milliseconds first: the hash covers milliseconds, and a database that rounds
	 * finer digits when it stores them (H2 keeps microseconds) must give back the hashed value.
	 */
	public static AuditEntry next(long prevSeq, String prevHash, Instant time, String actor, String role, String workstation,
			String action, String subject, String before, String after) {
		Instant at = time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		AuditEntry draft = new AuditEntry(prevSeq + 1, at, actor, role, workstation, action, subject, before, after, prevHash, "");
		return new AuditEntry(draft.seq(), at, actor, role, workstation, action, subject, before, after, prevHash, hashOf(draft));
	}

	public static String hashOf(AuditEntry e) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : new Object[] { e.seq(), e.at().toEpochMilli(), e.actor(), e.role(), e.workstation(), e.action(),
				e.subject(), e.before(), e.after(), e.prevHash() }) {
			String text = field == null ? "\u0000" : field.toString();
			canonical.append(text.length()).append(':').append(text).append('|');
		}
		return radesk.core.Sha256.hex(canonical.toString());
	}

	/** Walks entries in order; the first whose link or own hash does not hold, if any. */
	public static Optional<AuditEntry> firstBroken(Iterable<AuditEntry> inOrder) {
		String prev = GENESIS;
		long expectedSeq = 1;
		for (AuditEntry e : inOrder) {
			if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !e.hash().equals(hashOf(e))) {
				return Optional.of(e);
			}
			prev = e.hash();
			expectedSeq++;
		}
		return Optional.empty();
	}
}
