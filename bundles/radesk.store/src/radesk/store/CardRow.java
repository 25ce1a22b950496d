package radesk.store;

import radesk.core.card.CardState;

/**
 * A card as the RA knows it; its SO PIN only sealed under the RA's key; {@code authKey} the
 * public key of its authentication key (null for a card personalized before there was one).
 */
public record CardRow(String serial, CardState state, Long subscriberId, byte[] soPinSealed, int pinStrikes, int version,
		byte[] authKey) {
}
