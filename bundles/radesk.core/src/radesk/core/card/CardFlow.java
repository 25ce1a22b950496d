package radesk.core.card;

import static radesk.core.card.CardState.BLANK;
import static radesk.core.card.CardState.ISSUED;
import static radesk.core.card.CardState.LOCKED;
import static radesk.core.card.CardState.PERSONALIZED;
import static radesk.core.card.CardState.RETIRED;

import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;

/** BLANK → PERSONALIZED → ISSUED ⇄ LOCKED; only an ISSUED card is applied on; any card but a retired one can be retired. */
public final class CardFlow {

	public static final Transitions<CardState, CardEvent> TRANSITIONS = Transitions
			.of("card", CardState.class, CardEvent.class)
			.on(CardEvent.PERSONALIZE, PERSONALIZED, BLANK)
			.on(CardEvent.ISSUE, ISSUED, PERSONALIZED)
			.on(CardEvent.LOCK, LOCKED, ISSUED)
			.on(CardEvent.UNLOCK, ISSUED, LOCKED)
			.on(CardEvent.APPLY, ISSUED, ISSUED)
			.on(CardEvent.RETIRE, RETIRED, BLANK, PERSONALIZED, ISSUED, LOCKED)
			.build();

	private CardFlow() {
	}

	public static CardState next(CardState from, CardEvent event) throws IllegalTransitionException {
		return TRANSITIONS.next(from, event);
	}
}
