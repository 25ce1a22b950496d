package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import radesk.api.CardReaders;
import radesk.api.CardSlot;

/**
 * The card layer lists SoftHSM2's slots through PKCS#11: an initialized token as a card with its
 * label and serial, SoftHSM2's spare slot as a blank card.
 */
class CardReadersTest {

	private static String serial;

	@BeforeAll
	static void makeAToken() throws Exception {
		Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
		Path tokens = conf.getParent().resolve("tokens");
		if (Files.exists(tokens)) {
			try (Stream<Path> old = Files.walk(tokens)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(tokens);
		Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "demo-card-1", "--pin",
				"246810", "--so-pin", "13579135").redirectErrorStream(true).start();
		String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(init.waitFor(30, TimeUnit.SECONDS) && init.exitValue() == 0, out);
		Process show = new ProcessBuilder("softhsm2-util", "--show-slots").redirectErrorStream(true).start();
		String slots = new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		show.waitFor(30, TimeUnit.SECONDS);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("Serial number:\\s+(\\S+)").matcher(slots);
		assertTrue(m.find(), slots);
		serial = m.group(1);
	}

	private static CardReaders readers() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(CardReadersTest.class).getBundleContext();
		ServiceTracker<CardReaders, CardReaders> tracker = new ServiceTracker<>(context, CardReaders.class, null);
		tracker.open();
		CardReaders readers = tracker.waitForService(30_000);
		assertTrue(readers != null, "CardReaders was not registered");
		return readers;
	}

	@Test
	void listsTheInitializedTokenAsACard() throws Exception {
		List<CardSlot> slots = readers().slots();
		CardSlot card = slots.stream().filter(CardSlot::initialized).findFirst().orElseThrow(() -> new AssertionError(slots));
		assertTrue(card.cardPresent());
		assertEquals("demo-card-1", card.tokenLabel());
		assertEquals(serial, card.serial());
	}

	@Test
	void listsSoftHsmsSpareSlotAsABlankCard() throws Exception {
		List<CardSlot> slots = readers().slots();
		assertEquals(2, slots.size(), slots.toString());
		CardSlot blank = slots.stream().filter(s -> !s.initialized()).findFirst().orElseThrow(() -> new AssertionError(slots));
		assertTrue(blank.cardPresent());
		assertFalse(blank.reader().isEmpty());
	}

	@Test
	void namesTheModuleInUse() throws Exception {
		assertEquals("/usr/lib/softhsm/libsofthsm2.so", readers().module());
	}
}
