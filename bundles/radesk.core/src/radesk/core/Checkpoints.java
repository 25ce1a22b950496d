package radesk.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points inside the multi-step use cases, where the crash tests kill the process. A test
 * child process started with {@code -Dradesk.test.pauseAt=<name>} announces the point in the file
 * {@code radesk.test.marker} and waits there: to be killed, or, when {@code radesk.test.resume}
 * names a file, until that file appears (the test pulls the card meanwhile). In normal runs this
 * does nothing. The subscriber edition's card work has its points too: there the UI test, in the
 * same process, pulls the card while the job waits.
 */
public final class Checkpoints {

	private Checkpoints() {
	}

	public static void reached(String name) {
		if (!name.equals(System.getProperty("radesk.test.pauseAt"))) {
			return;
		}
		try {
			Files.writeString(Path.of(System.getProperty("radesk.test.marker")), name);
			String resume = System.getProperty("radesk.test.resume");
			while (resume == null || !Files.exists(Path.of(resume))) {
				Thread.sleep(resume == null ? Long.MAX_VALUE : 50);
			}
		} catch (IOException | InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
