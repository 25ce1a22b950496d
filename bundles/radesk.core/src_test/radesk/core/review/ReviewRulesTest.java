package radesk.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReviewRulesTest {

	@Test
	void theSubmitterCannotDecide() {
		DualControlException e = assertThrows(DualControlException.class, () -> DualControl.check("chen", "chen"));
		assertEquals("chen", e.account());
		assertThrows(DualControlException.class, () -> DualControl.check("Chen", " chen "));
	}

	@Test
	void anotherPersonMayDecide() throws Exception {
		DualControl.check("chen", "lin");
	}

	@Test
	void bothPeopleMustBeKnown() {
		assertThrows(IllegalArgumentException.class, () -> DualControl.check(null, "lin"));
		assertThrows(IllegalArgumentException.class, () -> DualControl.check("chen", " "));
	}

	@Test
	void aRejectionNeedsAReason() {
		assertThrows(IllegalArgumentException.class, () -> Decision.reject(null));
		assertThrows(IllegalArgumentException.class, () -> Decision.reject("   "));
		Decision d = Decision.reject("  身分證影本不清楚  ");
		assertFalse(d.approved());
		assertEquals(Optional.of("身分證影本不清楚"), d.reason());
	}

	@Test
	void aReasonHasALimit() {
		Decision.reject("理".repeat(Decision.MAX_REASON));
		assertThrows(IllegalArgumentException.class, () -> Decision.reject("理".repeat(Decision.MAX_REASON + 1)));
	}

	@Test
	void anApprovalNeedsNoReason() {
		assertTrue(Decision.approve().approved());
		assertEquals(Optional.empty(), Decision.approve().reason());
	}
}
