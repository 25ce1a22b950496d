package radesk.api;

/**
 * A reader and the card in it. {@code tokenLabel} and {@code serial} are empty when no card is
 * present; an uninitialized card is a blank one.
 */
public record CardSlot(long slotId, String reader, boolean cardPresent, boolean initialized, String tokenLabel,
		String serial) {
}
