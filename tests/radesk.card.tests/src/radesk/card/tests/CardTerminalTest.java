package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.CardAccessException;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardTerminal;

/** Personalization and the PIN rules on real SoftHSM2 tokens through PKCS#11. */
class CardTerminalTest {

	private static final char[] SO = "SOPIN2345678".toCharArray();
	private static final char[] PIN = "12345678".toCharArray();

	private static CardTerminal terminal;
	private static CardReaders readers;

	@BeforeAll
	static void services() throws Exception {
		SoftHsm.demoCardSerial();
		terminal = OsgiServices.await(CardTerminal.class);
		readers = OsgiServices.await(CardReaders.class);
	}

	/** Personalizes SoftHSM2's spare (blank) slot as a new card. */
	private static String newCard() throws Exception {
		CardSlot blank = readers.slots().stream().filter(s -> s.cardPresent() && !s.initialized()).findFirst()
				.orElseThrow(() -> new AssertionError("no blank card"));
		String serial = "RA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		terminal.personalize(blank.slotId(), serial, SO, PIN);
		return serial;
	}

	private static Reason refused(org.junit.jupiter.api.function.Executable e) {
		return assertThrows(CardAccessException.class, e).reason();
	}

	@Test
	void aPersonalizedCardCarriesItsSerialAndPin() throws Exception {
		String serial = newCard();
		CardSlot card = readers.slots().stream().filter(s -> s.tokenLabel().equals(serial)).findFirst().orElseThrow();
		assertTrue(card.initialized());
		assertEquals(3, terminal.verifyPin(serial, PIN));
		assertEquals(0, terminal.strikes(serial));
	}

	@Test
	void aCardThatIsNotBlankIsRefused() throws Exception {
		CardSlot other = readers.slots().stream().filter(s -> s.tokenLabel().equals("demo-card-1")).findFirst().orElseThrow();
		assertEquals(Reason.NOT_BLANK, refused(() -> terminal.personalize(other.slotId(), "RAOTHER", SO, PIN)));
		assertEquals(Reason.NOT_BLANK, refused(() -> terminal.personalize(other.slotId(), "RAOTHER", SO, PIN)));
	}

	@Test
	void personalizingAgainCompletesInsteadOfFailing() throws Exception {
		String serial = newCard();
		CardSlot card = readers.slots().stream().filter(s -> s.tokenLabel().equals(serial)).findFirst().orElseThrow();
		terminal.personalize(card.slotId(), serial, SO, PIN);
		assertEquals(3, terminal.verifyPin(serial, PIN));
	}

	@Test
	void threeWrongPinsLockTheCardEvenThoughSoftHsmWouldNot() throws Exception {
		String serial = newCard();
		CardAccessException first = assertThrows(CardAccessException.class, () -> terminal.verifyPin(serial, "00000000".toCharArray()));
		assertEquals(Reason.WRONG_PIN, first.reason());
		assertEquals(2, first.triesLeft());
		CardAccessException second = assertThrows(CardAccessException.class, () -> terminal.verifyPin(serial, "00000000".toCharArray()));
		assertEquals(1, second.triesLeft(), "the last try is announced");
		assertEquals(Reason.PIN_LOCKED, refused(() -> terminal.verifyPin(serial, "00000000".toCharArray())));
		assertEquals(Reason.PIN_LOCKED, refused(() -> terminal.verifyPin(serial, PIN)), "the right PIN no longer opens it");
		assertEquals(3, terminal.strikes(serial));

		terminal.unlock(serial, SO, "87654321".toCharArray());
		assertEquals(0, terminal.strikes(serial));
		assertEquals(3, terminal.verifyPin(serial, "87654321".toCharArray()));
	}

	@Test
	void aRightPinClearsEarlierStrikes() throws Exception {
		String serial = newCard();
		refused(() -> terminal.verifyPin(serial, "00000000".toCharArray()));
		assertEquals(1, terminal.strikes(serial));
		terminal.verifyPin(serial, PIN);
		assertEquals(0, terminal.strikes(serial));
	}

	@Test
	void changingThePinNeedsTheOldOne() throws Exception {
		String serial = newCard();
		assertEquals(Reason.WRONG_PIN, refused(() -> terminal.changePin(serial, "99999999".toCharArray(), "13572468".toCharArray())));
		terminal.changePin(serial, PIN, "13572468".toCharArray());
		assertEquals(3, terminal.verifyPin(serial, "13572468".toCharArray()));
		assertEquals(Reason.WRONG_PIN, refused(() -> terminal.verifyPin(serial, PIN)));
	}

	@Test
	void aPinOutsideTheRuleIsRefusedBeforeTouchingTheCard() throws Exception {
		String serial = newCard();
		assertEquals(Reason.BAD_PIN, refused(() -> terminal.changePin(serial, PIN, "12ab".toCharArray())));
		assertEquals(Reason.BAD_PIN, refused(() -> terminal.unlock(serial, SO, "1234567890123".toCharArray())));
		assertEquals(0, terminal.strikes(serial));
	}

	@Test
	void aWrongSoPinDoesNotUnlock() throws Exception {
		String serial = newCard();
		assertEquals(Reason.WRONG_PIN, refused(() -> terminal.unlock(serial, "WRONGSOPIN22".toCharArray(), "87654321".toCharArray())));
		assertEquals(3, terminal.verifyPin(serial, PIN));
	}

	@Test
	void aCardInNoReaderIsReportedAsRemoved() {
		assertEquals(Reason.CARD_REMOVED, refused(() -> terminal.verifyPin("RANOWHERE", PIN)));
	}
}
