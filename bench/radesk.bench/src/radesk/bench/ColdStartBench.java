package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The counter's cold start — a new JVM to its first window — and its resident memory once that window
 * is up, against a bare e4 product built in the same run (the counter's own platform feature and an
 * empty window: what Eclipse costs before any code of ours). Both run on the counter's own Java with
 * the same options, on the display the build runs under (Xvfb), their windows found with xdotool.
 * The counter's first start (its database, the CA's key ceremony) is not timed: later starts are.
 */
final class ColdStartBench {

	/**
	 * The counter's first window on a data folder with no administrator yet, in English: the title is
	 * handed to xdotool as a command-line argument, which a JVM without a UTF-8 locale would garble.
	 */
	private static final String FIRST_WINDOW = "first start";
	private final Path counter;
	private final Path bare;
	private final Path work;
	/** The counter's data folder, made by its first (untimed) start. */
	private Path data;

	ColdStartBench(Path work) {
		this.counter = Path.of(System.getProperty("bench.counterProduct"));
		this.bare = Path.of(System.getProperty("bench.bareProduct"));
		this.work = work;
	}

	void run() throws Exception {
		if (System.getenv("DISPLAY") == null || !Files.isDirectory(counter) || !Files.isDirectory(bare)) {
			Report.note("cold start not measured: needs a display and both products built (" + counter + ", " + bare + ")");
			return;
		}
		if (data == null) {
			data = Files.createTempDirectory(work, "coldstart-data");
			start(counter, FIRST_WINDOW, List.of("-Dradesk.data=" + data), "-nl", "en"); // its database, the CA's ceremony
		}
		double[] ours = start(counter, FIRST_WINDOW, List.of("-Dradesk.data=" + data), "-nl", "en");
		double[] peer = start(bare, "Bare e4 window", List.of());
		Report.ratio("counter cold start to its first window", ours[0], "bare e4 product", peer[0], "ms", "<= 1.30");
		Report.ratio("counter resident memory at its first window", ours[1], "bare e4 product", peer[1], "MB", "<= 1.30");
	}

	/** Starts {@code product} and waits for a window titled {@code title}: milliseconds to it, and the MB resident then. */
	private double[] start(Path product, String title, List<String> options, String... args) throws Exception {
		String launcher;
		try (var plugins = Files.list(product.resolve("plugins"))) {
			launcher = plugins.map(Path::toString).filter(p -> p.matches(".*/org\\.eclipse\\.equinox\\.launcher_[^/]*\\.jar"))
					.sorted().reduce((a, b) -> b).orElseThrow();
		}
		List<String> command = new ArrayList<>(List.of(counter.resolve("jre/bin/java").toString(), "-Xmx1g"));
		command.addAll(options);
		command.addAll(List.of("-jar", launcher, "-data", Files.createTempDirectory(work, "ws").toString()));
		command.addAll(List.of(args));
		long start = System.nanoTime();
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Files.createTempFile(work, "coldstart", ".log").toFile());
		pb.environment().remove("SOFTHSM2_CONF"); // the counter's own cards and CA token, in its data folder: not the bench's
		Process p = pb.start();
		try {
			long deadline = start + TimeUnit.SECONDS.toNanos(180);
			while (!shown(title)) {
				if (!p.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException(product + " showed no window \"" + title + "\"");
				}
				Thread.sleep(20);
			}
			double ms = (System.nanoTime() - start) / 1e6;
			Thread.sleep(2_000); // settled: what the window holds once it is up
			return new double[] { ms, residentKb(p.pid()) / 1024.0 };
		} finally {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			p.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static boolean shown(String title) throws Exception {
		Process search = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", title).redirectErrorStream(true).start();
		String out = new String(search.getInputStream().readAllBytes()).strip();
		return search.waitFor() == 0 && !out.isEmpty();
	}

	private static long residentKb(long pid) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("no VmRSS for " + pid);
	}
}
