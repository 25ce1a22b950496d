package radesk.server.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import radesk.api.ServiceException;
import radesk.api.staff.NoticeDesk;

/**
 * The RA server's 憑證展期通知 schedule: a run a minute after the start, then every
 * {@code radesk.notices.every} minutes (default 15; 0 turns it off). Each run takes the notices
 * lease first, so among several servers on one database one sends. Logged, never on the console.
 */
final class NoticeSchedule {

	private static final System.Logger LOG = System.getLogger(NoticeSchedule.class.getName());
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "radesk-notices");
		t.setDaemon(true);
		return t;
	});

	/** Starts the schedule, unless turned off; null then. */
	static NoticeSchedule start(BundleContext bundles) throws InterruptedException {
		long every = Long.getLong("radesk.notices.every", 15);
		if (every <= 0) {
			return null;
		}
		ServiceTracker<NoticeDesk, NoticeDesk> tracker;
		try {
			tracker = new ServiceTracker<>(bundles, bundles.createFilter("(&(objectClass=" + NoticeDesk.class.getName() + ")"
					+ RaServer.LOCAL + ")"), null);
		} catch (org.osgi.framework.InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		tracker.open();
		NoticeDesk notices = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		if (notices == null) {
			LOG.log(System.Logger.Level.ERROR, "no notice service: renewal notices are not sent");
			return null;
		}
		NoticeSchedule schedule = new NoticeSchedule();
		schedule.timer.scheduleWithFixedDelay(() -> {
			try {
				NoticeDesk.Report report = notices.runJob();
				if (report.ran()) {
					LOG.log(System.Logger.Level.INFO, "renewal notices: " + report);
				}
			} catch (ServiceException e) {
				LOG.log(System.Logger.Level.WARNING, "renewal notices not sent: " + e.reason() + " " + e.detail());
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.ERROR, "renewal notices: the run failed", e);
			}
		}, 1, every, TimeUnit.MINUTES);
		return schedule;
	}

	void stop() {
		timer.shutdownNow();
	}
}
