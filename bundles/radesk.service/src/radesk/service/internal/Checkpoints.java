package radesk.service.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points inside the multi-step use cases, where the crash tests kill the process. A test
 * child process started with {@code -Dradesk.test.pauseAt=<name>} announces the point in the file
 * {@code radesk.test.marker} and waits there to be killed; in normal runs this does nothing.
 */
final class Checkpoints {

	private Checkpoints() {
	}

	static void reached(String name) {
		if (!name.equals(System.getProperty("radesk.test.pauseAt"))) {
			return;
		}
		try {
			Files.writeString(Path.of(System.getProperty("radesk.test.marker")), name);
			Thread.sleep(Long.MAX_VALUE);
		} catch (IOException | InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
