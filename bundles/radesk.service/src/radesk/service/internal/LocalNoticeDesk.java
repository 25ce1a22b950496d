package radesk.service.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.NoticeDesk;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.notify.Outbox;
import radesk.store.AuditRecords;
import radesk.store.Database;

/**
 * 憑證展期通知 as a use case: the outbox job of radesk.notify over the RA's records, signing with the
 * RA's notice key. One runner per host process ({@code holder}); among several servers the lease
 * decides. The lease lasts {@code radesk.notices.lease} seconds (default 120) past each batch.
 */
@Component(service = NoticeDesk.class)
public final class LocalNoticeDesk implements NoticeDesk {

	private static final System.Logger LOG = System.getLogger(LocalNoticeDesk.class.getName());

	private final Database db;
	private final EmbeddedRa ra;
	private final Outbox outbox;
	private final NoticeCounter counter;

	@Activate
	public LocalNoticeDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.outbox = new Outbox(db, DataFolder.resolve(), ra.noticeKeys, LocalJobLeases.holderName(), ra.clock,
				Duration.ofSeconds(Long.getLong("radesk.notices.lease", 120)));
		this.counter = new NoticeCounter(db, ra);
	}

	/** A clean stop lets the lease go: another server (or this one, started again) need not wait for it to lapse. */
	@Deactivate
	synchronized void stop() {
		try {
			outbox.release();
		} catch (Exception e) {
			// the lease lapses by itself within radesk.notices.lease seconds
			LOG.log(System.Logger.Level.WARNING, "the notices lease was not let go: " + e);
		}
	}

	@Override
	public DueList dueForRenewal(Actor staff, String raUnit, java.time.YearMonth month) throws ServiceException {
		return counter.due(staff, raUnit, month);
	}

	@Override
	public void resend(Actor staff, long noticeId) throws ServiceException {
		counter.resend(staff, noticeId);
		// sent now rather than at the next scheduled run; the lease keeps it to one sender
		Thread sender = new Thread(() -> {
			try {
				runJob();
			} catch (ServiceException e) {
				LOG.log(System.Logger.Level.WARNING, "a re-sent notice waits for the next run: " + e.getMessage());
			}
		}, "notice re-send");
		sender.setDaemon(true);
		sender.start();
	}

	@Override
	public Report run(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.RUN_NOTICES);
		Report report = runJob();
		db.inTransaction((Connection c) -> AuditRecords.append(c, administrator, "NOTICES_RUN", "notices", null, report.toString(),
				ra.clock.instant()));
		return report;
	}

	@Override
	public synchronized Report runJob() throws ServiceException {
		try {
			Outbox.Report r = outbox.run();
			return new Report(r.ran(), r.queued(), r.sent(), r.retried(), r.bounced(), r.failed(), r.inDoubt(), r.cancelled(),
					r.unconfirmed());
		} catch (ServiceException e) {
			throw e;
		} catch (java.io.IOException e) {
			throw new ServiceException(Reason.MAIL_NOT_SET_UP, e.getMessage());
		} catch (Exception e) {
			LOG.log(System.Logger.Level.ERROR, "the renewal notices' run failed", e);
			throw new ServiceException(Reason.MAIL_FAILED, e.getMessage());
		}
	}

	@Override
	public List<Due> due(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.RUN_NOTICES);
		return dueOnHost();
	}

	@Override
	public List<Due> dueOnHost() throws ServiceException {
		try {
			return outbox.dryRun().stream().map(d -> new Due(d.certificateSerial(), d.identifier(), d.notAfter(), d.stage(),
					d.recipient(), d.language(), d.what())).toList();
		} catch (ServiceException e) {
			throw e;
		} catch (java.io.IOException e) {
			throw new ServiceException(Reason.MAIL_NOT_SET_UP, e.getMessage());
		} catch (Exception e) {
			LOG.log(System.Logger.Level.ERROR, "the renewal notices due could not be listed", e);
			throw new ServiceException(Reason.WRONG_STATE, e.getMessage());
		}
	}
}
