package radesk.core.review;

import static radesk.core.review.FormState.APPROVED;
import static radesk.core.review.FormState.CARRIED_OUT;
import static radesk.core.review.FormState.IN_REVIEW;
import static radesk.core.review.FormState.RECEIVED;
import static radesk.core.review.FormState.REJECTED;

import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;

/**
 * The forms that need an officer's approval before anything is done: revocation, website
 * password reset and card PIN unlock. RECEIVED → IN_REVIEW → APPROVED → CARRIED_OUT, or REJECTED.
 */
public final class FormFlow {

	public static final Transitions<FormState, FormEvent> TRANSITIONS = Transitions
			.of("request form", FormState.class, FormEvent.class)
			.on(FormEvent.START_REVIEW, IN_REVIEW, RECEIVED)
			.on(FormEvent.APPROVE, APPROVED, IN_REVIEW)
			.on(FormEvent.REJECT, REJECTED, IN_REVIEW)
			.on(FormEvent.CARRY_OUT, CARRIED_OUT, APPROVED)
			.build();

	private FormFlow() {
	}

	public static FormState next(FormState from, FormEvent event) throws IllegalTransitionException {
		return TRANSITIONS.next(from, event);
	}
}
