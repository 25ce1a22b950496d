package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.access.Role;
import radesk.core.access.SetupCode;
import radesk.core.account.PasswordPolicy;
import radesk.core.account.Strikes;
import radesk.pki.PasswordHasher;
import radesk.store.AuditRecords;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.StaffRecords;
import radesk.store.StaffRow;

/** Staff accounts and sign-in; every sign-in, failed or not, is audited. */
@Component(service = StaffDesk.class)
public final class LocalStaffDesk implements StaffDesk {

	private static final Pattern ACCOUNT = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
	/** Who opens the first administrator's code: the RA server's own start, on its host. */
	private static final Actor ON_THE_HOST = new Actor("(server start)", Role.ADMINISTRATOR, "server host");

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalStaffDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public boolean needsFirstAdministrator() throws ServiceException {
		return db.inTransaction((Connection c) -> StaffRecords.count(c) == 0);
	}

	@Override
	public char[] openFirstAdministratorSetup() throws ServiceException {
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

	@Override
	public Actor createFirstAdministrator(String setupCode, String account, String displayName, char[] password,
			String workstation) throws ServiceException {
		checkNew(account, displayName, password);
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
		if ((typed != null && codeHash == null) || !StaffRecords.setupAccepts(c, codeHash, now, use)) {
			throw new ServiceException(Reason.SETUP_CODE_INVALID, "the one-time code shown on the RA server's host is needed");
		}
		return null;
	}

	@Override
	public Actor signIn(String account, char[] password, Role as, String workstation) throws ServiceException {
		String who = account == null ? "" : account.strip();
		Instant now = ra.clock.instant();
		record Outcome(Actor actor, Reason refusal, int triesLeft) {
		}
		Outcome outcome;
		try {
			outcome = db.inTransaction((Connection c) -> {
				StaffRow row = StaffRecords.find(c, who).orElse(null);
				Role role = row == null ? Role.COUNTER_CLERK : as == null || !row.roles().contains(as) ? row.role() : as;
				Actor attempt = new Actor(who.isEmpty() ? "(none)" : who, role, workstation);
				if (row == null || !row.active()) {
					AuditRecords.append(c, attempt, "SIGN_IN_FAILED", "staff:" + attempt.account(), null, "no such account", now);
					return new Outcome(null, Reason.WRONG_PASSWORD, -1);
				}
				if (row.suspended()) {
					AuditRecords.append(c, attempt, "SIGN_IN_REFUSED", "staff:" + who, "suspended", "suspended", now);
					return new Outcome(null, Reason.ACCOUNT_SUSPENDED, 0);
				}
				Strikes before = new Strikes(row.passwordStrikes());
				if (PasswordHasher.matches(password, row.passwordHash())) {
					if (before.failures() > 0) {
						StaffRecords.passwordOutcome(c, row, 0, false);
					}
					if (as != null && !row.roles().contains(as)) {
						AuditRecords.append(c, attempt, "SIGN_IN_REFUSED", "staff:" + who, null, "does not work as " + as, now);
						return new Outcome(null, Reason.NOT_PERMITTED, Strikes.LIMIT);
					}
					AuditRecords.append(c, attempt, "SIGN_IN", "staff:" + who, null, "signed in as " + role, now);
					return new Outcome(attempt, null, Strikes.LIMIT);
				}
				Strikes after = before.afterFailure();
				StaffRecords.passwordOutcome(c, row, after.failures(), after.locked());
				AuditRecords.append(c, attempt, after.locked() ? "STAFF_SUSPENDED" : "SIGN_IN_FAILED", "staff:" + who,
						before.failures() + " strikes", after.failures() + " strikes", now);
				return new Outcome(null, after.locked() ? Reason.ACCOUNT_SUSPENDED : Reason.WRONG_PASSWORD, after.remaining());
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
		if (outcome.refusal() != null) {
			throw new ServiceException(outcome.refusal(), "sign-in refused", null, outcome.triesLeft(), null);
		}
		return outcome.actor();
	}

	@Override
	public void addStaff(Actor administrator, String account, String displayName, Role role, char[] password)
			throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		if (role == Role.SUBSCRIBER) {
			throw new ServiceException(Reason.WRONG_STATE, "subscribers are registered, not added as staff");
		}
		String hash = checkedHash(account, displayName, password);
		Instant now = ra.clock.instant();
		db.inTransaction((Connection c) -> {
			if (StaffRecords.find(c, account).isPresent()) {
				throw new ServiceException(Reason.DUPLICATE_REGISTRATION, "staff account " + account + " exists");
			}
			StaffRecords.insert(c, account, displayName.strip(), role, hash, now);
			AuditRecords.append(c, administrator, "STAFF_ADDED", "staff:" + account, null, role, now);
			return null;
		});
	}

	@Override
	public void addRaUnit(Actor administrator, radesk.core.registration.RaUnit unit) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_RA_UNITS);
		String code = unit == null || unit.code() == null ? "" : unit.code().strip().toUpperCase(java.util.Locale.ROOT);
		if (!code.matches("[A-Z0-9]{2,16}")) {
			throw new ServiceException(Reason.INVALID_INPUT, "unitCode: 2 to 16 capital letters or digits");
		}
		String zh = unit.nameZhTw() == null ? "" : unit.nameZhTw().strip();
		String en = unit.nameEn() == null ? "" : unit.nameEn().strip();
		if (zh.isEmpty() || en.isEmpty() || zh.length() > 100 || en.length() > 100) {
			throw new ServiceException(Reason.INVALID_INPUT, "unitName: a name in zh-TW and in English, at most 100 characters");
		}
		Instant now = ra.clock.instant();
		db.inTransaction((Connection c) -> {
			if (!StaffRecords.insertRaUnit(c, code, zh, en)) {
				throw new ServiceException(Reason.INVALID_INPUT, "unitCodeTaken: this code exists already");
			}
			AuditRecords.append(c, administrator, "RA_UNIT_ADDED", "ra_unit:" + code, null, zh + " / " + en, now);
			return null;
		});
	}

	@Override
	public void grantRole(Actor administrator, String account, Role role) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		if (role == null || role == Role.SUBSCRIBER) {
			throw new ServiceException(Reason.INVALID_INPUT, "role: a staff role");
		}
		Instant now = ra.clock.instant();
		try {
			db.inTransaction((Connection c) -> {
				StaffRow row = StaffRecords.find(c, account).orElseThrow(() -> Guard.notFound("staff " + account));
				if (row.roles().contains(role)) {
					return null;
				}
				java.util.Set<Role> extra = java.util.EnumSet.of(role);
				extra.addAll(row.extraRoles());
				StaffRecords.extraRoles(c, row, extra);
				AuditRecords.append(c, administrator, "STAFF_ROLE_GRANTED", "staff:" + account, row.roles(), role, now);
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public void resetPassword(Actor administrator, String account, char[] password) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		if (administrator.account().equals(account)) {
			throw new ServiceException(Reason.DUAL_CONTROL, "another administrator resets an administrator's password");
		}
		if (PasswordPolicy.check(password, account).isPresent()) {
			throw new ServiceException(Reason.PASSWORD_TOO_WEAK, PasswordPolicy.check(password, account).get().name());
		}
		String hash = ra.hasher.hash(password);
		try {
			db.inTransaction((Connection c) -> {
				StaffRow row = StaffRecords.find(c, account).orElseThrow(() -> Guard.notFound("staff " + account));
				StaffRecords.newPassword(c, row, hash);
				AuditRecords.append(c, administrator, "STAFF_PASSWORD_RESET", "staff:" + account, row.suspended() ? "suspended" : null,
						"new password", ra.clock.instant());
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public List<StaffMember> staff(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		return db.inTransaction((Connection c) -> StaffRecords.all(c).stream()
				.map(r -> new StaffMember(r.account(), r.displayName(), r.role(), r.suspended(), r.roles())).toList());
	}

	private String checkedHash(String account, String displayName, char[] password) throws ServiceException {
		checkNew(account, displayName, password);
		return ra.hasher.hash(password);
	}

	/** A new staff account's fields and password policy: checks that cost no hash. */
	private static void checkNew(String account, String displayName, char[] password) throws ServiceException {
		if (account == null || !ACCOUNT.matcher(account).matches()) {
			throw new ServiceException(Reason.WRONG_STATE, "an account is 3-64 lower-case letters, digits, . _ -, starting with a letter");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
			throw new ServiceException(Reason.WRONG_STATE, "a display name of 1-100 characters is needed");
		}
		if (PasswordPolicy.check(password, account).isPresent()) {
			throw new ServiceException(Reason.PASSWORD_TOO_WEAK, PasswordPolicy.check(password, account).get().name());
		}
	}
}
