package radesk.core.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who (account, role, workstation), when, what was done to which
 * record, the record's state before and after, and the chain link to the line before.
 */
public record AuditEntry(long seq, Instant at, String actor, String role, String workstation, String action,
		String subject, String before, String after, String prevHash, String hash) {
}
