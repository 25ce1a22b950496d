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

	/**
	 * 晶片卡登入, first step: a fresh random challenge (32 bytes) for the card to sign. It is good
	 * for one log-in attempt within two minutes.
	 */
	byte[] cardChallenge() throws ServiceException;

	/**
	 * 晶片卡登入: the certificate named by its 憑證識別碼 (of this RA unit) must be on its card, within
	 * its validity and not revoked, and {@code signature} must be its key's signature over the
	 * challenge (SHA256withECDSA or SHA256withRSA). A challenge is used up by the attempt, right or
	 * wrong.
	 */
	Actor logInWithCard(String identifier, String raUnit, byte[] challenge, byte[] signature, String workstation)
			throws ServiceException;
}
