package radesk.api;

import radesk.core.access.Actor;

/** 晶片卡: personalizing a blank card for a registered subscriber. */
public interface CardDesk {

	/**
	 * Personalizes the blank card in {@code slotId} for the subscriber. When an earlier attempt
	 * for this subscriber was cut off (card pulled, crash), this finishes that card instead.
	 * The user PIN exists only in the returned value, for the PIN slip (晶片卡密碼單).
	 */
	default NewCard personalize(Actor clerk, long subscriberId, long slotId) throws ServiceException {
		return personalize(clerk, subscriberId, slotId, step -> {
		});
	}

	/** The same, telling {@code progress} as each step begins (for a progress bar). */
	NewCard personalize(Actor clerk, long subscriberId, long slotId, java.util.function.Consumer<Step> progress)
			throws ServiceException;

	/**
	 * The records' half of a personalization, for a workstation that writes the card itself
	 * (connected mode): the card's record is written (or the unfinished one of an earlier, cut-off
	 * attempt found again, with the same SO PIN) and the PINs to write are returned.
	 */
	CardSecrets beginPersonalization(Actor clerk, long subscriberId) throws ServiceException;

	/** The card in the reader took its PINs: the card is recorded as personalized. */
	void confirmPersonalized(Actor clerk, String cardSerial) throws ServiceException;

	/** The steps of a personalization, in order. */
	enum Step {
		/** The card's record and sealed SO PIN are written before the card is touched. */
		RECORDING,
		/** The card is initialized, its PINs set. */
		WRITING_CARD,
		/** The card is recorded as personalized. */
		CONFIRMING
	}

}
