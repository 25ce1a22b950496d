package radesk.api;

import radesk.core.access.Actor;

/**
 * 電子郵件確認: a subscriber's address is used for notices, and written into certificates, only
 * once confirmed with a code mailed to it. The counter asks for a code for any subscriber and types
 * the code the subscriber reads out; a subscriber does both for their own account in the
 * subscriber edition. Every step is audited; the code is never stored (only its hash) nor logged.
 */
public interface EmailDesk {

	/**
	 * Mails a new confirmation code (one hour, five tries) to the account's address, in place of any
	 * earlier code. MAIL_NOT_SET_UP when the RA sends no mail; MAIL_FAILED when the mail server
	 * refused it or could not be reached (nothing is then waiting).
	 */
	void sendCode(Actor who, String account) throws ServiceException;

	/** Confirms the address with the code; EMAIL_CODE_WRONG for a wrong, used-up or expired one. */
	void confirm(Actor who, String account, String code) throws ServiceException;

	/** The language of the subscriber's notices: "zh-TW" or "en". */
	void language(Actor who, String account, String language) throws ServiceException;

	/** The address, whether it is confirmed, and whether mail to it bounced. */
	Address address(Actor who, String account) throws ServiceException;

	record Address(String email, boolean confirmed, String undeliverable, String language) {
	}
}
