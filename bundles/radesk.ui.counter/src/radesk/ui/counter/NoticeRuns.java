package radesk.ui.counter;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import radesk.api.ServiceException;
import radesk.api.staff.NoticeDesk;

/**
 * A standalone counter (no RA server) sends the 憑證展期通知 itself: a background Job a minute after
 * the first sign-in, then once a day while the workstation runs. Nothing is sent until the operator
 * has set up mail (notify/smtp.properties in the data folder). In connected mode the server does it.
 */
final class NoticeRuns {

	private static final long DAY_MS = 24L * 60 * 60 * 1000;
	private static Job job;

	private NoticeRuns() {
	}

	static synchronized void daily(NoticeDesk notices) {
		if (job != null) {
			return;
		}
		job = Job.create(Messages.text("job_notices"), monitor -> {
			try {
				NoticeDesk.Report report = notices.runJob();
				if (report.ran()) {
					System.getLogger(NoticeRuns.class.getName()).log(System.Logger.Level.INFO, "renewal notices: " + report);
				}
			} catch (ServiceException e) {
				System.getLogger(NoticeRuns.class.getName()).log(System.Logger.Level.WARNING,
						"renewal notices not sent: " + e.reason() + " " + e.detail());
			}
			job.schedule(DAY_MS);
			return monitor.isCanceled() ? Status.CANCEL_STATUS : (IStatus) Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule(60_000);
	}
}
