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

	/** Runs the job now (administrator), audited. */
	Report run(Actor administrator) throws ServiceException;

	/** The RA's own schedule (the server's, a standalone counter's): never a network call. */
	Report runJob() throws ServiceException;

	/** What is due, sending nothing (administrator). */
	List<Due> due(Actor administrator) throws ServiceException;

	/** The same on the RA server's host (its command {@code radesk-server.sh notices-due}): never a network call. */
	List<Due> dueOnHost() throws ServiceException;
}
