package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;

import radesk.core.access.Actor;
import radesk.core.access.Role;

/**
 * Staff accounts and sign-in. The first start creates the administrator; from then on only an
 * administrator adds staff. Wrong passwords slow the next sign-in, never suspend (see signIn).
 */
public interface StaffDesk {

	/** True until the first administrator exists: the first-run dialog then asks for one. */
	boolean needsFirstAdministrator() throws ServiceException;

	/**
	 * An RA server's start while it has no administrator: a new one-time setup code
	 * ({@link radesk.core.access.SetupCode}) in place of any earlier one, for the server to show on
	 * its own host only; null once an administrator exists. Never a network call: the server's
	 * routes do not offer it.
	 */
	char[] openFirstAdministratorSetup() throws ServiceException;

	/**
	 * Creates the first administrator; refused once any staff account exists. {@code setupCode}: the
	 * code the RA server showed on its host (SETUP_CODE_INVALID without it, or with a wrong, used or
	 * expired one); null only in-process on the RA's own machine (a standalone counter), which no
	 * network call can be. Both are checked before the password is hashed.
	 */
	Actor createFirstAdministrator(String setupCode, String account, String displayName, char[] password, String workstation)
			throws ServiceException;

	/** Signs a member of staff in at a workstation in their main role; the returned actor carries it. */
	default Actor signIn(String account, char[] password, String workstation) throws ServiceException {
		return signIn(account, password, null, workstation);
	}

	/** As {@link #signIn(String, char[], Role, String, String)} at this workstation. */
	default Actor signIn(String account, char[] password, Role as, String workstation) throws ServiceException {
		return signIn(account, password, as, workstation, null);
	}

	/**
	 * Signs a member of staff in to work in one of their roles ({@code null}: the main one), from
	 * {@code clientAddress} (as the RA server's connection shows it; null in-process). A role the
	 * account does not hold is refused (NOT_PERMITTED) after the password was checked. Wrong
	 * passwords never suspend: they slow the next attempt of that account from that address, and of
	 * that address (TOO_MANY_REQUESTS, the detail says how many seconds), so nobody on the network
	 * can lock staff out.
	 */
	Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress) throws ServiceException;

	/**
	 * 帳號復原 on the RA server's own host (its command {@code radesk-server.sh reset-password}): a
	 * new random password for the account, shown once to whoever runs the command; suspension and
	 * slowed sign-ins lifted, every session ended, audited. The way back in when the administrators
	 * are locked out of their accounts; never a network call (the server has no route for it).
	 */
	char[] recoverOnHost(String account) throws ServiceException;

	/** Lets a member of staff also work in another role (an administrator's decision, audited). */
	void grantRole(Actor administrator, String account, Role role) throws ServiceException;

	void addStaff(Actor administrator, String account, String displayName, Role role, char[] password) throws ServiceException;

	/** Sets a new password (and lifts a suspension); never the administrator's own. */
	void resetPassword(Actor administrator, String account, char[] password) throws ServiceException;

	List<StaffMember> staff(Actor administrator) throws ServiceException;

	/**
	 * Adds an RA unit (a counter or branch that takes in forms): a code of 2 to 16 capital letters
	 * or digits, and its name in zh-TW and English.
	 */
	void addRaUnit(Actor administrator, radesk.core.registration.RaUnit unit) throws ServiceException;

	/** {@code role} is the main role; {@code roles} every role the person may sign in with. */
	record StaffMember(String account, String displayName, Role role, boolean suspended, java.util.Set<Role> roles) {

		/** The roles in their fixed order (as the screens list them), however they arrived. */
		public StaffMember {
			roles = roles == null || roles.isEmpty() ? java.util.Set.of()
					: java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(roles));
		}
	}
}
