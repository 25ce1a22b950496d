package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;
import java.util.Optional;

import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;

/** The audit trail: every state change and log-in, chained by hash. */
public interface AuditTrail {

	/** The first entry whose hash chain does not hold, if any. */
	Optional<AuditEntry> firstBroken(Actor administrator) throws ServiceException;

	/**
	 * Anchors the chain's head now: the head signed with the RA's anchor key, written to
	 * {@code <data>/audit/anchors/} (the RA anchors at every start and the server every hour too);
	 * the anchor's text, for the operator to keep elsewhere and give {@code radesk-verify-audit.sh}.
	 */
	String anchor(Actor administrator) throws ServiceException;

	/** A signed export of the whole trail: the file (JSON lines), its detached signature, how many entries, whether the chain held. */
	record Export(String file, String signatureFile, int entries, boolean intact, String sha256) {
	}

	/**
	 * Exports the whole trail, verified first, as JSON lines signed with the RA's anchor key
	 * ({@code openssl dgst -sha256 -verify audit-anchor.pem -signature <file>.sig <file>}); on the RA
	 * server's own host (its data folder), audited.
	 */
	default Export export(Actor administrator) throws ServiceException {
		throw new ServiceException(ServiceException.Reason.WRONG_STATE, "the audit export is made on the RA server's host");
	}

	/** What happened to one record, e.g. {@code subscriber:12}, oldest first. */
	List<AuditEntry> about(Actor staff, String subject) throws ServiceException;
}
