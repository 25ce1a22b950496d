package radesk.api.staff;

import radesk.api.ServiceException;

import radesk.core.access.Actor;

/**
 * 晶片卡: the records' half of personalizing a blank card for a registered subscriber. The card
 * itself is written in the workstation's reader by the flow {@code radesk.flows.counter.PersonalizeCard},
 * the same at an embedded and a connected counter.
 */
public interface CardDesk {

	/**
	 * The card's record is written (or the unfinished one of an earlier, cut-off
	 * attempt found again, with the same SO PIN) and the PINs to write are returned.
	 */
	CardSecrets beginPersonalization(Actor clerk, long subscriberId) throws ServiceException;

	/**
	 * The card in the reader took its PINs and made its authentication key
	 * ({@link radesk.core.card.CardBinding}): the card is recorded as personalized, with that key's
	 * public half ({@code authenticationKey}, X.509 SubjectPublicKeyInfo), which every later
	 * certificate request of the card must be signed by.
	 */
	void confirmPersonalized(Actor clerk, String cardSerial, byte[] authenticationKey) throws ServiceException;

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
