package radesk.api;

import radesk.core.access.Actor;
import radesk.core.review.Decision;

/**
 * The forms that change a card or an account only after an officer approved them: a card PIN
 * unlock (鎖卡 → a new PIN slip) and a website password reset (密碼重新設定 → a new password slip).
 * Whoever submits a form cannot decide it.
 */
public interface FormDesk {

	/** A locked card brought to the counter: asks for its unlock. */
	long submitPinUnlock(Actor clerk, String cardSerial, String note) throws ServiceException;

	/** A suspended (or forgotten) website password: asks for a new one. */
	long submitPasswordReset(Actor clerk, String account, String note) throws ServiceException;

	void decide(Actor officer, long formId, Decision decision) throws ServiceException;

	/** Unlocks the approved card with its SO PIN; the new PIN exists only in the returned value. */
	NewCard carryOutPinUnlock(Actor clerk, long formId) throws ServiceException;

	/** Sets a new website password for the approved reset; it exists only in the returned value. */
	NewSubscriber carryOutPasswordReset(Actor clerk, long formId) throws ServiceException;
}
