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
import radesk.core.account.PasswordPolicy;
import radesk.pki.PasswordHasher;
import radesk.store.AuditRecords;
import radesk.store.Backoffs;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.StaffRecords;
import radesk.store.StaffRow;

/** Staff accounts and sign-in; every sign-in, failed or not, is audited. */
@Component(service = StaffDesk.class)
public final class LocalStaffDesk implements StaffDesk {

	private static final Pattern ACCOUNT = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

	private final Database db;
	private final EmbeddedRa ra;
	private final FirstAdministrator first;
	private final StaffSignIn signIns;

	@Activate
	public LocalStaffDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.first = new FirstAdministrator(db, ra);
		this.signIns = new StaffSignIn(db, ra);
	}

	@Override
	public boolean needsFirstAdministrator() throws ServiceException {
		return db.inTransaction((Connection c) -> StaffRecords.count(c) == 0);
	}

	@Override
	public char[] openFirstAdministratorSetup() throws ServiceException {
		return first.open();
	}

	@Override
	public Actor createFirstAdministrator(String setupCode, String account, String displayName, char[] password,
			String workstation) throws ServiceException {
		checkNew(account, displayName, password);
		return first.create(setupCode, account, displayName, password, workstation);
	}

	@Override
	public Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress, StaffCardProof card)
			throws ServiceException {
		return signIns.signIn(account, password, as, workstation, clientAddress, card);
	}

	@Override
	public byte[] signInChallenge() throws ServiceException {
		return signIns.challenge();
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
		// the unit's name goes into certificates' organizationalUnitName, which RFC 5280 bounds at 64
		if (zh.isEmpty() || en.isEmpty() || zh.codePointCount(0, zh.length()) > 64 || en.codePointCount(0, en.length()) > 64
				|| !radesk.core.registration.WalkInForm.printable(zh) || !radesk.core.registration.WalkInForm.printable(en)) {
			throw new ServiceException(Reason.INVALID_INPUT, "unitName: a name in zh-TW and in English, at most 64 characters");
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
		if (administrator.account().equalsIgnoreCase(account)) {
			// no one gives themselves a second role (an officer's, say, beside the administrator's)
			throw new ServiceException(Reason.DUAL_CONTROL, "another administrator grants an administrator's roles");
		}
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
				// a changed role: the person signs in again to work with it
				radesk.store.SessionRecords.endAll(c, radesk.api.SessionDesk.Kind.STAFF.name(), account, null);
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
		StaffRow target = db.inTransaction((Connection c) -> StaffRecords.find(c, account))
				.orElseThrow(() -> Guard.notFound("staff " + account));
		if (target.roles().contains(Role.ADMINISTRATOR)) {
			// one administrator alone never takes over another's account: the way is the server's host command
			throw new ServiceException(Reason.DUAL_CONTROL, "an administrator's password is recovered on the RA server's host");
		}
		String hash = ra.hasher.hash(password);
		try {
			db.inTransaction((Connection c) -> {
				StaffRow row = StaffRecords.find(c, account).orElseThrow(() -> Guard.notFound("staff " + account));
				if (row.roles().contains(Role.ADMINISTRATOR)) {
					throw new ServiceException(Reason.DUAL_CONTROL, "an administrator's password is recovered on the RA server's host");
				}
				StaffRecords.newPassword(c, row, hash);
				radesk.store.SessionRecords.endAll(c, radesk.api.SessionDesk.Kind.STAFF.name(), account, null);
				AuditRecords.append(c, administrator, "STAFF_PASSWORD_RESET", "staff:" + account, row.suspended() ? "suspended" : null,
						"new password", ra.clock.instant());
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public char[] recoverOnHost(String account) throws ServiceException {
		char[] password = WebsitePasswords.next(ra.random);
		String hash = ra.hasher.hash(password);
		Actor host = new Actor("(server host)", Role.ADMINISTRATOR, "server host");
		try {
			db.inTransaction((Connection c) -> {
				StaffRow row = StaffRecords.find(c, account).orElseThrow(() -> Guard.notFound("staff " + account));
				StaffRecords.newPassword(c, row, hash);
				Backoffs.clearedAccount(c, account);
				// one sign-in without the staff card within a day: a lost card's holder comes in for a new one
				radesk.store.StaffCards.waiver(c, account, ra.clock.instant().plus(java.time.Duration.ofHours(24)));
				radesk.store.SessionRecords.endAll(c, radesk.api.SessionDesk.Kind.STAFF.name(), account, null);
				AuditRecords.append(c, host, "STAFF_RECOVERED_ON_HOST", "staff:" + account, row.suspended() ? "suspended" : null,
						"new password, one sign-in without the staff card within 24 hours", ra.clock.instant());
				return null;
			});
		} catch (ServiceException | RuntimeException e) {
			java.util.Arrays.fill(password, '\0');
			throw e;
		}
		return password;
	}

	@Override
	public List<StaffMember> staff(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		return db.inTransaction((Connection c) -> {
			java.util.Map<String, StaffCard> cards = new java.util.HashMap<>();
			for (radesk.store.StaffCards.Row card : radesk.store.StaffCards.active(c)) {
				cards.put(card.account(), new StaffCard(card.serial(), card.notAfter()));
			}
			return StaffRecords.all(c).stream()
					.map(r -> new StaffMember(r.account(), r.displayName(), r.role(), r.suspended(), r.roles(), cards.get(r.account())))
					.toList();
		});
	}

	private String checkedHash(String account, String displayName, char[] password) throws ServiceException {
		checkNew(account, displayName, password);
		return ra.hasher.hash(password);
	}

	/** A new staff account's fields and password policy: checks that cost no hash. */
	static void checkNew(String account, String displayName, char[] password) throws ServiceException {
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
