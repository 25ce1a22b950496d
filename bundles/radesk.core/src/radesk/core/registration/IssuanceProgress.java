package radesk.core.registration;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import radesk.core.card.CardState;

/**
 * Where a registration stands on the counter's way to a card in hand (FLOWS 4): register →
 * personalize → both slips (網站密碼單, 晶片卡密碼單) → hand-over (交付). The one answer to "what
 * may be done next", asked by the counter's screen and by the service that refuses the rest.
 *
 * @param card the subscriber's card, or null before one was made
 */
public record IssuanceProgress(RequestState request, CardState card, boolean passwordSlipPrinted, boolean pinSlipPrinted) {

	/** The steps, in their order. */
	public enum Step {
		REGISTER, PERSONALIZE, PRINT_PASSWORD_SLIP, PRINT_PIN_SLIP, HAND_OVER
	}

	/** The steps that may be taken now (several at once: the password slip waits for no card). */
	public Set<Step> open() {
		Set<Step> open = EnumSet.noneOf(Step.class);
		if (request == RequestState.APPROVED) {
			open.add(Step.REGISTER);
		}
		if (request != RequestState.REGISTERED) {
			return open;
		}
		if (card == null || card == CardState.BLANK) {
			open.add(Step.PERSONALIZE);
		}
		if (!passwordSlipPrinted) {
			open.add(Step.PRINT_PASSWORD_SLIP);
		}
		if (card == CardState.PERSONALIZED) {
			if (!pinSlipPrinted) {
				open.add(Step.PRINT_PIN_SLIP);
			} else if (passwordSlipPrinted) {
				open.add(Step.HAND_OVER);
			}
		}
		return open;
	}

	/** The first open step, the one the counter is led to. */
	public Optional<Step> next() {
		return open().stream().findFirst();
	}

	public boolean may(Step step) {
		return open().contains(step);
	}
}
