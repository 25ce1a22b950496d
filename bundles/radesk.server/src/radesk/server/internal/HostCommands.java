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
	static final String NOTICES_DUE = "notices-due";
	static final String RENEW_CA = "renew-ca";
	static final java.util.Set<String> COMMANDS = java.util.Set.of(COMMAND, NOTICES_DUE, RENEW_CA);

	private HostCommands() {
	}

	/** The RA's own desk of that type (never a remote one), once the records are open. */
	private static <T> T local(Class<T> type) throws InterruptedException {
		return service(type, RaServer.LOCAL);
	}

	private static <T> T service(Class<T> type, String filter) throws InterruptedException {
		BundleContext bundles = FrameworkUtil.getBundle(HostCommands.class).getBundleContext();
		ServiceTracker<T, T> tracker;
		try {
			tracker = new ServiceTracker<>(bundles, bundles.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
		} catch (org.osgi.framework.InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		tracker.open();
		T desk = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		tracker.close();
		if (desk == null) {
			System.err.println("radesk-server: the RA's records could not be opened: is the server still running? Stop it first.");
		}
		return desk;
	}

	static Integer run(String[] args) throws InterruptedException {
		if (args.length == 1 && args[0].equals(NOTICES_DUE)) {
			return noticesDue();
		}
		if (args.length == 2 && args[0].equals(RENEW_CA)) {
			return CaRenewal.run(java.nio.file.Path.of(args[1]), service(radesk.core.ca.CaToken.class, "(objectClass=*)"));
		}
		if (args.length != 2 || !args[0].equals(COMMAND)) {
			System.err.println("usage: radesk-server.sh reset-password <staff account> | radesk-server.sh notices-due"
					+ " | radesk-server.sh renew-ca <root key backup>");
			return Integer.valueOf(2);
		}
		StaffDesk staff = local(StaffDesk.class);
		if (staff == null) {
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

	/** The renewal notices due now, one a line, sending nothing. */
	private static Integer noticesDue() throws InterruptedException {
		radesk.api.staff.NoticeDesk notices = local(radesk.api.staff.NoticeDesk.class);
		if (notices == null) {
			return Integer.valueOf(1);
		}
		try {
			java.util.List<radesk.api.staff.NoticeDesk.Due> due = notices.dueOnHost();
			for (radesk.api.staff.NoticeDesk.Due d : due) {
				System.out.println(d.identifier() + "\t" + d.notAfter() + "\t" + d.stage() + " days\t" + d.recipient() + "\t" + d.language()
						+ "\t" + d.what());
			}
			System.out.println("radesk-server: " + due.size() + " renewal notice(s) due; nothing was sent");
			return Integer.valueOf(0);
		} catch (ServiceException e) {
			System.err.println("radesk-server: not done: " + e.reason().name() + " " + e.detail());
			return Integer.valueOf(1);
		}
	}
}
