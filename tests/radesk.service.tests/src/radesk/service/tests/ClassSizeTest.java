package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** No production class grows past 300 lines: a screen that does that is split into its groups and steps. */
class ClassSizeTest {

	private static final int MAX_LINES = 300;

	@Test
	void noProductionSourceFileIsLongerThan300Lines() throws Exception {
		List<Path> sources;
		try (Stream<Path> files = Files.walk(Path.of("..", "..", "bundles"))) {
			sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")
					&& !p.toString().contains("/target/")).toList();
		}
		assertTrue(sources.size() > 100, "the sources were found: " + sources.size());
		List<String> long_ = sources.stream().filter(p -> lines(p) > MAX_LINES).map(p -> p + " (" + lines(p) + ")").toList();
		assertEquals(List.of(), long_, "over " + MAX_LINES + " lines");
	}

	private static long lines(Path p) {
		try (Stream<String> l = Files.lines(p)) {
			return l.count();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
