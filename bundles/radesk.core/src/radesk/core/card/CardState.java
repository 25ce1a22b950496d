package radesk.core.card;

/** A smart card's life at the RA (see DESIGN.md). */
public enum CardState {
	BLANK, PERSONALIZED, ISSUED, LOCKED, RETIRED
}
