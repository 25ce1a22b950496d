package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.access.SetupCode;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.StaffRecords;

/**
 * The first administrator (security review M2, H4): at an RA server only with the one-time code
 * its start showed on its host, in-process (a standalone counter, its own machine) without one;
 * the code and the absence of an administrator checked before any Argon2 work; used once.
 */
final class FirstAdministrator {

	/** Who opens the first administrator's code: the RA server's own start, on its host. */
	private static final Actor ON_THE_HOST = new Actor("(server start)", Role.ADMINISTRATOR, "server host");

	private final Database db;
	private final EmbeddedRa ra;

	FirstAdministrator(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	/** See {@link radesk.api.staff.StaffDesk#openFirstAdministratorSetup()}. */
	char[] open() throws ServiceException {
		char[] code = SetupCode.next(ra.random);
		String hash = SetupCode.hash(new String(code));
		Instant now = ra.clock.instant();
		boolean opened = db.inTransaction((Connection c) -> {
			if (StaffRecords.count(c) > 0) {
				StaffRecords.closeSetup(c);
				return false;
			}
			StaffRecords.openSetup(c, hash, now.plus(SetupCode.LIFE));
			AuditRecords.append(c, ON_THE_HOST, "FIRST_ADMIN_CODE_OPENED", "staff:(first administrator)", null,
					"valid until " + now.plus(SetupCode.LIFE), now);
			return true;
		});
		if (!opened) {
			java.util.Arrays.fill(code, '\0');
			return null;
		}
		return code;
	}

	/** See {@link radesk.api.staff.StaffDesk#createFirstAdministrator}; the fields are checked already. */
	Actor create(String setupCode, String account, String displayName, char[] password, String workstation)
			throws ServiceException {
		Actor admin = new Actor(account, Role.ADMINISTRATOR, workstation);
		String code = SetupCode.hash(setupCode);
		Instant now = ra.clock.instant();
		try {
			// what needs no hash first: an administrator exists already, or the code is wrong
			db.inTransaction((Connection c) -> firstAdministratorAllowed(c, setupCode, code, now, false));
			String hash = ra.hasher.hash(password);
			db.inTransaction((Connection c) -> {
				firstAdministratorAllowed(c, setupCode, code, now, true);
				StaffRecords.insert(c, account, displayName.strip(), Role.ADMINISTRATOR, hash, now);
				AuditRecords.append(c, admin, "STAFF_ADDED", "staff:" + account, null, Role.ADMINISTRATOR + " (first start)", now);
				return null;
			});
		} catch (ServiceException refused) {
			db.inTransaction((Connection c) -> AuditRecords.append(c, admin, "FIRST_ADMIN_REFUSED", "staff:" + account, null,
					refused.reason().name(), now));
			throw refused;
		}
		return admin;
	}

	private static Void firstAdministratorAllowed(Connection c, String typed, String codeHash, Instant now, boolean use)
			throws java.sql.SQLException, ServiceException {
		if (StaffRecords.count(c) > 0) {
			throw new ServiceException(Reason.NOT_PERMITTED, "the first administrator exists already");
		}
		if (typed == null) {
			// asked in-process, on the RA's own machine (a standalone counter): no network call passes no code
			if (use) {
				StaffRecords.closeSetup(c);
			}
			return null;
		}
		if (codeHash == null || !StaffRecords.setupAccepts(c, codeHash, now, use)) {
			throw new ServiceException(Reason.SETUP_CODE_INVALID, "the one-time code shown on the RA server's host is needed");
		}
		return null;
	}
}
