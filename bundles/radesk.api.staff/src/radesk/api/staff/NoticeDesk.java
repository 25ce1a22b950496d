package radesk.api.staff;

import java.time.Instant;
import java.util.List;

import radesk.api.ServiceException;
import radesk.core.access.Actor;

/**
 * 憑證展期通知: the job that mails renewal notices and reminders, exactly once per certificate and
 * stage (see radesk.notify.Outbox). The RA server runs it on a schedule and a standalone counter
 * once a day ({@link #runJob}); an administrator may run it now or see what is due.
 */
public interface NoticeDesk {

	/** What a run did; {@code ran} is false when another server runs it, or mail is not set up. */
	record Report(boolean ran, int queued, int sent, int retried, int bounced, int failed, int inDoubt, int cancelled,
			int unconfirmed) {
	}

	/** A notice due: queued by the next run or waiting to be sent (what: in words). */
	record Due(String certificateSerial, String identifier, Instant notAfter, int stage, String recipient, String language,
			String what) {
	}

	/**
	 * A certificate in the counter's "due for renewal" list: ending in the month asked, on its card,
	 * not renewed; its subscriber, the address's state (CONFIRMED, UNCONFIRMED, UNDELIVERABLE) and the
	 * latest notice (its stage, 0 for none yet, and state).
	 */
	record DueForRenewal(String certificateSerial, String identifier, Instant notAfter, String name, String account, String raUnit,
			String email, String emailState, int stage, String noticeState) {
	}

	/** The list: how many certificates match, and the first of them (soonest end first). */
	record DueList(int total, List<DueForRenewal> shown) {
	}

	/**
	 * 展期到期清單: the certificates ending in {@code month} (Taiwan time) and not yet expired, of one
	 * RA unit (null or "" for all); any member of staff who may search. The read is audited.
	 */
	DueList dueForRenewal(Actor staff, String raUnit, java.time.YearMonth month) throws ServiceException;

	/**
	 * 重寄通知: sends a notice again now (a failed, bounced, in-doubt, cancelled or even sent one), to the
	 * subscriber's current confirmed address; refused while it waits to be sent, when the certificate
	 * was renewed, revoked or has ended, or when the address is not usable. Audited, refusals too.
	 */
	void resend(Actor staff, long noticeId) throws ServiceException;

	/** Runs the job now (administrator), audited. */
	Report run(Actor administrator) throws ServiceException;

	/** The RA's own schedule (the server's, a standalone counter's): never a network call. */
	Report runJob() throws ServiceException;

	/** What is due, sending nothing (administrator). */
	List<Due> due(Actor administrator) throws ServiceException;

	/** The same on the RA server's host (its command {@code radesk-server.sh notices-due}): never a network call. */
	List<Due> dueOnHost() throws ServiceException;
}
