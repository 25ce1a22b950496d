package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.CardReaders;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;
import radesk.api.CardSlot;

/**
 * The card layer lists SoftHSM2's slots through PKCS#11: an initialized token as a card with its
 * label and serial, SoftHSM2's spare slot as a blank card.
 */
class CardReadersTest {

	private static String serial;

	@BeforeAll
	static void makeAToken() throws Exception {
		serial = SoftHsm.demoCardSerial();
	}

	private static CardReaders readers() {
		return OsgiServices.await(CardReaders.class);
	}

	@Test
	void listsTheInitializedTokenAsACard() throws Exception {
		List<CardSlot> slots = readers().slots();
		CardSlot card = slots.stream().filter(s -> s.initialized() && s.serial().equals(serial)).findFirst()
				.orElseThrow(() -> new AssertionError(slots));
		assertTrue(card.cardPresent());
		assertEquals("demo-card-1", card.tokenLabel());
		assertEquals(serial, card.serial());
	}

	@Test
	void listsSoftHsmsSpareSlotAsABlankCard() throws Exception {
		List<CardSlot> slots = readers().slots();
		assertTrue(slots.size() >= 2, slots.toString());
		CardSlot blank = slots.stream().filter(s -> !s.initialized()).findFirst().orElseThrow(() -> new AssertionError(slots));
		assertTrue(blank.cardPresent());
		assertFalse(blank.reader().isEmpty());
	}

	@Test
	void namesTheModuleInUse() throws Exception {
		assertEquals("/usr/lib/softhsm/libsofthsm2.so", readers().module());
	}
}
