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

	/** What happened to one record, e.g. {@code subscriber:12}, oldest first. */
	List<AuditEntry> about(Actor staff, String subject) throws ServiceException;
}
