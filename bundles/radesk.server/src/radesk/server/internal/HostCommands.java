package radesk.server.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import radesk.api.ServiceException;
import radesk.api.staff.StaffDesk;

/**
 * What the operator does on the RA server's own host, never over the network:
 * {@code radesk-server.sh reset-password <account>} gives a staff account (an administrator's
 * too) a new random password, shown once on this console, lifts its suspension and slowed
 * sign-ins and ends its sessions. The server must be stopped first (the embedded database admits
 * one process); the start script then runs this instead of the listener.
 */
final class HostCommands {

	/** Set by the start script for a command: the RA server then opens no listener. */
	static final String PROPERTY = "radesk.server.command";
	static final String COMMAND = "reset-password";

	private HostCommands() {
	}

	static Integer run(String[] args) throws InterruptedException {
		if (args.length != 2 || !args[0].equals(COMMAND)) {
			System.err.println("usage: radesk-server.sh reset-password <staff account>");
			return Integer.valueOf(2);
		}
		BundleContext bundles = FrameworkUtil.getBundle(HostCommands.class).getBundleContext();
		ServiceTracker<StaffDesk, StaffDesk> tracker;
		try {
			tracker = new ServiceTracker<>(bundles, bundles.createFilter("(&(objectClass=" + StaffDesk.class.getName() + ")"
					+ RaServer.LOCAL + ")"), null);
		} catch (org.osgi.framework.InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		tracker.open();
		StaffDesk staff = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		if (staff == null) {
			System.err.println("radesk-server: the RA's records could not be opened: is the server still running? Stop it first.");
			return Integer.valueOf(1);
		}
		char[] password = null;
		try {
			password = staff.recoverOnHost(args[1]);
			System.out.println("radesk-server: the new password of " + args[1] + " (shown once; it works at once): "
					+ new String(password));
			System.out.println("radesk-server: " + args[1] + " may sign in once without the staff card within 24 hours:"
					+ " have a new staff card issued then (系統管理 → 人員管理 → 發給員工卡).");
			return Integer.valueOf(0);
		} catch (ServiceException e) {
			System.err.println("radesk-server: not done: " + (e.reason() == ServiceException.Reason.NOT_FOUND
					? "no staff account " + args[1] : e.reason().name()));
			return Integer.valueOf(1);
		} finally {
			if (password != null) {
				java.util.Arrays.fill(password, '\0');
			}
		}
	}
}
