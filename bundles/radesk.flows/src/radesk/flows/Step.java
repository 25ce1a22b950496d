package radesk.flows;

/** The steps of the subscriber's card flows, in order, as a progress bar names them. */
public enum Step {
	OPENING_CARD, MAKING_KEY, SIGNING_REQUEST, ISSUING, WRITING_CARD, CONFIRMING
}
