package radesk.api.staff;

import radesk.api.ServiceException;

import java.time.Instant;
import java.util.List;

import radesk.core.access.Actor;
import radesk.core.review.FormKind;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
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

	/**
	 * 憑證廢止申請單: asks to revoke a certificate, named by its serial or its 憑證識別碼, for one of
	 * the seed's reasons.
	 */
	long submitRevocation(Actor staff, String certificate, RevocationReason reason, String note) throws ServiceException;

	/**
	 * An officer decides; never the person who submitted the form. An approved revocation is carried
	 * out at once: the certificate is revoked and a new CRL published.
	 */
	void decide(Actor officer, long formId, Decision decision) throws ServiceException;

	/** The forms waiting for a decision ({@code IN_REVIEW}) or to be carried out ({@code APPROVED}), oldest first. */
	List<FormItem> forms(Actor staff, FormState state) throws ServiceException;

	/**
	 * One form as lists show it: {@code holder} is the subscriber the card, account or certificate
	 * belongs to and the address their mail goes to; {@code enteredByMe} when the asking person submitted it.
	 */
	record FormItem(long id, FormKind kind, FormState state, String subject, String holder, String holderAddress, String note,
			RevocationReason reason, String submittedBy, Instant receivedAt, boolean enteredByMe) {
	}

	/**
	 * The records' half of carrying out an approved PIN unlock (the card is unlocked in the
	 * workstation's reader by {@code radesk.flows.counter.UnlockPin}): the card's serial, its SO PIN
	 * and the new user PIN, handed out once per form.
	 */
	CardSecrets beginPinUnlock(Actor clerk, long formId) throws ServiceException;

	/**
	 * The card took its new PIN: the card is unlocked in the records and the form carried out. The
	 * card reports its authentication key ({@link CardDesk#confirmPersonalized}): a card
	 * personalized before cards were bound is bound now (this counter visit brings it along); one
	 * whose key differs from the record is not the card on record (WRONG_CARD).
	 */
	void confirmPinUnlock(Actor clerk, long formId, byte[] authenticationKey) throws ServiceException;


	/** Sets a new website password for the approved reset; it exists only in the returned value. */
	NewSubscriber carryOutPasswordReset(Actor clerk, long formId) throws ServiceException;
}
