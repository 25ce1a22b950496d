package radesk.service.tests;

import radesk.core.access.Actor;
import radesk.core.access.Role;

/** The people of the tests, each with one role at one workstation. */
final class Staff {

	static final Actor CLERK = new Actor("chen.clerk", Role.COUNTER_CLERK, "counter-1");
	static final Actor OFFICER = new Actor("lin.officer", Role.RA_OFFICER, "review-1");
	static final Actor MAILROOM = new Actor("wu.mail", Role.MAILROOM_CLERK, "mail-1");
	static final Actor ADMIN = new Actor("huang.admin", Role.ADMINISTRATOR, "admin-1");

	private Staff() {
	}
}
