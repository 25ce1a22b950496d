package radesk.core.registration;

/** What can happen to a registration request. */
public enum RequestEvent {
	/** A postal form's documents were checked in: it joins the review queue. */
	START_REVIEW,
	APPROVE,
	REJECT,
	/** The subscriber account was created (註冊). */
	REGISTER,
	/** Card and slips were handed over at the counter or mailed with a tracking number (交付). */
	DELIVER
}
