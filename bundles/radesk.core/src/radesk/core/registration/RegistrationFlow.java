package radesk.core.registration;

import static radesk.core.registration.RequestState.APPROVED;
import static radesk.core.registration.RequestState.DELIVERED;
import static radesk.core.registration.RequestState.IN_REVIEW;
import static radesk.core.registration.RequestState.RECEIVED;
import static radesk.core.registration.RequestState.REGISTERED;
import static radesk.core.registration.RequestState.REJECTED;

import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;

/**
 * A registration request's life: RECEIVED → IN_REVIEW → APPROVED | REJECTED(reason) →
 * REGISTERED → DELIVERED. A counter form starts in review (the clerk saw the documents); a
 * postal form starts as received.
 */
public final class RegistrationFlow {

	public static final Transitions<RequestState, RequestEvent> TRANSITIONS = Transitions
			.of("registration request", RequestState.class, RequestEvent.class)
			.on(RequestEvent.START_REVIEW, IN_REVIEW, RECEIVED)
			.on(RequestEvent.APPROVE, APPROVED, IN_REVIEW)
			.on(RequestEvent.REJECT, REJECTED, IN_REVIEW)
			.on(RequestEvent.REGISTER, REGISTERED, APPROVED)
			.on(RequestEvent.DELIVER, DELIVERED, REGISTERED)
			.build();

	private RegistrationFlow() {
	}

	public static RequestState initialState(Channel channel) {
		return channel == Channel.COUNTER ? IN_REVIEW : RECEIVED;
	}

	public static RequestState next(RequestState from, RequestEvent event) throws IllegalTransitionException {
		return TRANSITIONS.next(from, event);
	}
}
