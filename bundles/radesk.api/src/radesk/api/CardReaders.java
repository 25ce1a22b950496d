package radesk.api;

import java.util.List;

/** The card readers (PKCS#11 slots) of this computer and the cards in them. */
public interface CardReaders {

	/** The PKCS#11 module in use, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}. */
	String module();

	/**
	 * Every slot of the module, with what is known of the card in it.
	 *
	 * @throws CardAccessException when the module cannot be loaded or answers with an error
	 */
	List<CardSlot> slots() throws CardAccessException;
}
