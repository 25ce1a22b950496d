package radesk.core.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import radesk.core.card.CardState;
import radesk.core.registration.IssuanceProgress.Step;

class IssuanceProgressTest {

	@Test
	void registerThenPersonalizeThenBothSlipsThenHandOver() {
		assertEquals(Set.of(), new IssuanceProgress(RequestState.IN_REVIEW, null, false, false).open(), "not before approval");
		assertEquals(Optional.of(Step.REGISTER), new IssuanceProgress(RequestState.APPROVED, null, false, false).next());
		assertEquals(EnumSet.of(Step.PERSONALIZE, Step.PRINT_PASSWORD_SLIP),
				new IssuanceProgress(RequestState.REGISTERED, null, false, false).open(), "the password slip waits for no card");
		assertEquals(EnumSet.of(Step.PERSONALIZE), new IssuanceProgress(RequestState.REGISTERED, CardState.BLANK, true, false).open(),
				"a card cut off mid-way is personalized again");
		assertEquals(EnumSet.of(Step.PRINT_PASSWORD_SLIP, Step.PRINT_PIN_SLIP),
				new IssuanceProgress(RequestState.REGISTERED, CardState.PERSONALIZED, false, false).open());
		assertEquals(EnumSet.of(Step.PRINT_PASSWORD_SLIP),
				new IssuanceProgress(RequestState.REGISTERED, CardState.PERSONALIZED, false, true).open(), "no hand-over before both slips");
		assertEquals(Optional.of(Step.HAND_OVER), new IssuanceProgress(RequestState.REGISTERED, CardState.PERSONALIZED, true, true).next());
		assertEquals(Set.of(), new IssuanceProgress(RequestState.DELIVERED, CardState.ISSUED, true, true).open(), "handed over: done");
	}
}
