package radesk.server.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

import radesk.server.RaServerEndpoint;

/**
 * {@code radesk-server}: runs until stopped. SIGTERM (or Ctrl-C) stops the OSGi framework from a
 * shutdown hook, so every component is deactivated in order — the HTTPS listener closes, the
 * database is closed — before the JVM exits. Behind a load balancer it drains first: {@code /health}
 * answers 503 for {@code radesk.server.drain} seconds while requests are still answered.
 */
public final class ServerApplication implements IApplication {

	private final CountDownLatch stopped = new CountDownLatch(1);

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
		if (args.length > 0 && HostCommands.COMMANDS.contains(System.getProperty(HostCommands.PROPERTY))) {
			context.applicationRunning();
			return HostCommands.run(args);
		}
		java.nio.file.Path logs = ServerLog.start(radesk.core.DataFolder.resolve());
		BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceTracker<RaServerEndpoint, RaServerEndpoint> tracker = new ServiceTracker<>(bundles, RaServerEndpoint.class, null);
		tracker.open();
		RaServerEndpoint endpoint = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
		tracker.close();
		if (endpoint == null) {
			System.err.println("radesk-server: the RA server did not start within 60 s (see the log)");
			return Integer.valueOf(1);
		}
		context.applicationRunning();
		System.out.println("radesk-server: listening on https://" + endpoint.host() + ":" + endpoint.port() + "/api/v1/");
		System.out.println("radesk-server: staff (counter workstations) listening on https://"
				+ System.getProperty("radesk.server.staff.host", endpoint.host()) + ":" + endpoint.staffPort() + "/api/v1/");
		System.out.println("radesk-server: relying parties (CRL, CA certificates, OCSP) on http://"
				+ System.getProperty("radesk.server.publish.host", endpoint.host()) + ":" + endpoint.publishPort()
				+ "/ — certificates name " + radesk.core.PublicBase.current() + " (-D" + radesk.core.PublicBase.PROPERTY + ")");
		System.getLogger(ServerApplication.class.getName()).log(System.Logger.Level.INFO, "the server's log is in " + logs);
		NoticeSchedule notices = NoticeSchedule.start(bundles);
		Framework framework = (Framework) bundles.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_LOCATION);
		// behind a load balancer: radesk.server.drain seconds of "draining" on /health before the stop (0: none)
		java.time.Duration drain = java.time.Duration.ofSeconds(Math.max(0, Math.min(120, Long.getLong("radesk.server.drain", 0))));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			HttpsListener.drain(drain);
			stopped.countDown();
			if (notices != null) {
				notices.stop();
			}
			try {
				framework.stop();
				framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
			} catch (Exception e) {
				// the JVM is going away either way
			}
		}, "radesk-server-shutdown"));
		stopped.await();
		return EXIT_OK;
	}

	@Override
	public void stop() {
		stopped.countDown();
	}
}
