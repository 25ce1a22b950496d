package radesk.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This computer's name, as records and the audit trail name the workstation: the system
 * property {@code radesk.workstation}, else the operating system's host name.
 */
public final class Workstation {

	private Workstation() {
	}

	public static String name() {
		String configured = System.getProperty("radesk.workstation");
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		String env = System.getenv(System.getProperty("os.name", "").startsWith("Windows") ? "COMPUTERNAME" : "HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env.strip();
		}
		try {
			return Files.readString(Path.of("/etc/hostname")).strip();
		} catch (IOException e) {
			return "workstation";
		}
	}
}
