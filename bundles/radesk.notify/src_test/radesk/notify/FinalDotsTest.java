package radesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The final-dot file as the next run reads it: what was appended, a torn last line, garbage, a rewrite. */
class FinalDotsTest {

	@TempDir
	Path folder;

	@Test
	void whatWasAppendedIsReadBackWithTheLastSendOfEachNotice() throws Exception {
		Path file = folder.resolve("notices").resolve("final-dots");
		try (FinalDots dots = new FinalDots(file)) {
			assertTrue(dots.read().isEmpty(), "no file yet: no dots");
			dots.append(7, 1);
			dots.append(9, 1);
			dots.append(7, 2);
		}
		Map<Long, FinalDots.Dot> read = new FinalDots(file).read();
		assertEquals(2, read.size());
		assertEquals(2, read.get(7L).sends(), "the later send of notice 7");
		assertEquals(1, read.get(9L).sends());
		assertTrue(Math.abs(read.get(9L).at() - System.currentTimeMillis() / 1000) < 60, "stamped with the machine's clock");
	}

	@Test
	void aLineCutShortByTheKillOrGarbageIsNotADot() throws Exception {
		Path file = folder.resolve("final-dots");
		// the last write never returned (no newline): its dot never went out, whatever number it shows
		Files.write(file, "11 1 1700000000\nnot a line\n12 x 1700000000\n-3 1 1700000000\n13 4 17000\u00e9\n14 9".getBytes(
				StandardCharsets.ISO_8859_1));
		Map<Long, FinalDots.Dot> read = new FinalDots(file).read();
		assertEquals(Map.of(11L, new FinalDots.Dot(1, 1700000000L)), read);
	}

	@Test
	void keepOnlyRewritesTheFileAndAnEmptyKeepRemovesIt() throws Exception {
		Path file = folder.resolve("final-dots");
		FinalDots dots = new FinalDots(file);
		dots.append(1, 1);
		dots.append(2, 3);
		dots.keepOnly(Map.of(2L, new FinalDots.Dot(3, 1700000000L)));
		assertEquals(Map.of(2L, new FinalDots.Dot(3, 1700000000L)), dots.read());
		dots.append(5, 1); // appending goes on after a rewrite
		assertEquals(2, dots.read().size());
		dots.keepOnly(Map.of());
		assertFalse(Files.exists(file), "nothing to keep: no file");
		dots.close();
	}
}
