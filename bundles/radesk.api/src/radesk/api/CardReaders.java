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

	/**
	 * Looks for the cards afresh, as unplugging the reader and plugging it in again does: for
	 * modules that do not notice a card put back (SoftHSM2 among them). Card sessions open at the
	 * time end; a person asks for this (重新偵測), never a background poll.
	 */
	List<CardSlot> rescan() throws CardAccessException;
}
