package radesk.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrikesTest {

	@Test
	void threeConsecutiveFailuresLock() {
		Strikes s = Strikes.none();
		assertFalse(s.locked());
		s = s.afterFailure();
		assertEquals(2, s.remaining());
		assertFalse(s.lastTry());
		s = s.afterFailure();
		assertTrue(s.lastTry(), "warn before the last try");
		assertFalse(s.locked());
		s = s.afterFailure();
		assertTrue(s.locked());
		assertEquals(0, s.remaining());
	}

	@Test
	void aRightSecretClearsTheCount() {
		assertEquals(Strikes.none(), Strikes.none().afterFailure().afterFailure().afterSuccess());
	}

	@Test
	void aRightSecretDoesNotUndoALock() {
		Strikes locked = new Strikes(Strikes.LIMIT);
		assertTrue(locked.afterSuccess().locked());
		assertTrue(locked.afterFailure().locked());
	}

	@Test
	void refusesImpossibleCounts() {
		assertThrows(IllegalArgumentException.class, () -> new Strikes(-1));
		assertThrows(IllegalArgumentException.class, () -> new Strikes(4));
	}
}
