package radesk.api;

import radesk.core.access.Actor;

/** The website account: password log-in with the three-strike suspension, and password change. */
public interface AccountDesk {

	/**
	 * Checks account and password. A wrong password counts a strike; the third suspends the
	 * account (ACCOUNT_SUSPENDED from then on, until a reset at the counter).
	 *
	 * @return the subscriber as an actor of the service
	 */
	Actor logIn(String account, char[] password, String workstation) throws ServiceException;

	/** 網站密碼修改: old, new, confirm; the policy is {@link radesk.core.account.PasswordPolicy}. */
	void changePassword(Actor subscriber, char[] oldPassword, char[] newPassword, char[] confirm) throws ServiceException;
}
