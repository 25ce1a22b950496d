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

	/** As {@link #signIn(String, char[], Role, String, String, StaffCardProof)} without a staff card. */
	default Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress)
			throws ServiceException {
		return signIn(account, password, as, workstation, clientAddress, null);
	}

	/**
	 * Signs a member of staff in to work in one of their roles ({@code null}: the main one), from
	 * {@code clientAddress} (as the RA server's connection shows it; null in-process, at a
	 * standalone counter). From the network the person's active staff card must sign a fresh
	 * challenge ({@link #signInChallenge()}) besides the right password: without {@code card}
	 * the answer is STAFF_CARD_REQUIRED before any password is hashed (only the host's recovery
	 * lets one sign-in through without it); a wrong password and a wrong, revoked or expired card
	 * are the same WRONG_PASSWORD (the audit says which), so neither is guessed apart from the
	 * other. In-process the card is optional, and checked when given. A role the account does not
	 * hold is refused (NOT_PERMITTED) after the credentials were checked. Failures never suspend:
	 * they slow the next attempt of that account from that address, and of that address
	 * (TOO_MANY_REQUESTS, the detail says how many seconds), so nobody on the network can lock staff out.
	 */
	Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress, StaffCardProof card)
			throws ServiceException;

	/**
	 * A fresh challenge for a staff card to sign at sign-in: 32 random bytes, good for one attempt
	 * within two minutes. The card signs {@link radesk.core.card.CardBinding#message} with purpose
	 * STAFF_SIGN_IN, the account, the card's serial, this challenge and an empty request.
	 */
	byte[] signInChallenge() throws ServiceException;

	/** A staff card's answer to a sign-in challenge: its serial, the challenge and its authentication key's signature. */
	record StaffCardProof(String cardSerial, byte[] challenge, byte[] signature) {
	}

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

	/** A member of staff's active staff card (員工卡) and when its certificate ends. */
	record StaffCard(String serial, java.time.Instant notAfter) {
	}

	/**
	 * {@code role} is the main role; {@code roles} every role the person may sign in with;
	 * {@code staffCard} the active staff card, or null when the person has none.
	 */
	record StaffMember(String account, String displayName, Role role, boolean suspended, java.util.Set<Role> roles,
			StaffCard staffCard) {

		/** The roles in their fixed order (as the screens list them), however they arrived. */
		public StaffMember {
			roles = roles == null || roles.isEmpty() ? java.util.Set.of()
					: java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(roles));
		}
	}
}
