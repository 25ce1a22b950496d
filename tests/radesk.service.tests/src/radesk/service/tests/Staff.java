package radesk.service.tests;

import radesk.core.access.Actor;
import radesk.core.access.Role;

/** The people of the tests, each with one role at one workstation. */
final class Staff {

	static final Actor CLERK = new Actor("chen.clerk", Role.COUNTER_CLERK, "counter-1");
	static final Actor OFFICER = new Actor("lin.officer", Role.RA_OFFICER, "review-1");
	static final Actor MAILROOM = new Actor("wu.mail", Role.MAILROOM_CLERK, "mail-1");
	static final Actor ADMIN = new Actor("huang.admin", Role.ADMINISTRATOR, "admin-1");

	private static final char[] ADMIN_PASSWORD = "first-Admin-2026".toCharArray();

	private Staff() {
	}

	/** The real first administrator of the test database (made by whichever test comes first), signed in. */
	static Actor administrator() throws Exception {
		radesk.api.staff.StaffDesk staff = Services.await(radesk.api.staff.StaffDesk.class);
		if (!staff.needsFirstAdministrator()) {
			return staff.signIn("root.admin", ADMIN_PASSWORD, "admin-1");
		}
		// on the server's host: the one-time code its start shows (asked again here, as a restart would)
		char[] code = staff.openFirstAdministratorSetup();
		return staff.createFirstAdministrator(new String(code), "root.admin", "系統管理者", ADMIN_PASSWORD, "admin-1");
	}
}
