package radesk.core;

import java.nio.file.Path;

/**
 * Where RA Desk keeps its files on this computer: the embedded database, the demo cards' token
 * folder, logs. The system property {@code radesk.data} wins (tests and several installations
 * side by side); otherwise the platform's per-user data folder.
 */
public final class DataFolder {

	private DataFolder() {
	}

	public static Path resolve() {
		String explicit = System.getProperty("radesk.data");
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit).toAbsolutePath();
		}
		String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
		String home = System.getProperty("user.home");
		if (os.startsWith("windows")) {
			String appData = System.getenv("APPDATA");
			return Path.of(appData != null ? appData : home, "RA Desk");
		}
		String xdg = System.getenv("XDG_DATA_HOME");
		return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("radesk");
	}
}
