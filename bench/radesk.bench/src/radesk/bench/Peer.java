package radesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An outside program measured beside RA Desk in the same run. */
final class Peer {

	record Run(double seconds, String output) {
	}

	private Peer() {
	}

	static Run time(Path dir, List<String> command) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
			String shown = String.join(" ", command);
			throw new IOException((shown.length() > 200 ? shown.substring(0, 200) + " …" : shown) + " failed:\n" + out);
		}
		return new Run((System.nanoTime() - start) / 1e9, out);
	}
}
