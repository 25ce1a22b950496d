package radesk.client;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import radesk.core.DataFolder;

/**
 * Where the RA server is and which root certificate this computer trusts for it (檔案 → 設定),
 * and — for the counter workstation — whether it works on the embedded service (standalone, the
 * default) or on that server (connected mode, applied at the next start). A system property given
 * at start-up ({@code radesk.server.url}, {@code radesk.server.root}, {@code radesk.connection=server})
 * wins over the preference, so a test or an administrator's launcher can pin them.
 */
public final class ServerSettings {

	/** The tag of an application model whose edition talks to an RA server (the subscriber edition). */
	public static final String TAG = "radesk.connectsToServer";

	/** The address the subscriber edition uses when nobody set one: a server on this computer. */
	public static final String DEFAULT_ADDRESS = "https://localhost:8443/api/v1/";
	/** The address a connected counter uses when nobody set one: the staff listener of a server on this computer. */
	public static final String DEFAULT_STAFF_ADDRESS = "https://localhost:8444/api/v1/";

	private static final String NODE = "radesk.ui.common";
	private static final String ADDRESS = "server.address";
	private static final String ROOT = "server.root";
	private static final String CONNECTION = "counter.connection";

	private ServerSettings() {
	}

	/** The server's API address, ending in a slash. */
	public static String address() {
		String url = System.getProperty("radesk.server.url", preferences().get(ADDRESS, connected() ? DEFAULT_STAFF_ADDRESS : DEFAULT_ADDRESS));
		return url.endsWith("/") ? url : url + "/";
	}

	/** The RA root certificate the connection trusts (and nothing else): by default {@code <data>/server/root.cer}. */
	public static Path rootFile() {
		String root = System.getProperty("radesk.server.root", preferences().get(ROOT, ""));
		return root.isBlank() ? DataFolder.resolve().resolve("server").resolve("root.cer") : Path.of(root);
	}

	/** The address as people say it: host and port. */
	public static String hostAndPort() {
		URI uri = URI.create(address());
		return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
	}

	/**
	 * Checks an address typed in the preferences.
	 *
	 * @return the address as it will be used, or null when it is not an https:// address
	 */
	public static String normalize(String typed) {
		String url = typed == null ? "" : typed.strip();
		try {
			URI uri = URI.create(url);
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				return null;
			}
		} catch (IllegalArgumentException e) {
			return null;
		}
		if (!url.contains("/api/")) {
			url = url.endsWith("/") ? url + "api/v1/" : url + "/api/v1/";
		}
		return url.endsWith("/") ? url : url + "/";
	}

	/** Keeps the address (already {@link #normalize normalized}) and the root file (blank: the default). */
	public static void save(String address, String rootFile) throws BackingStoreException {
		Preferences node = preferences();
		node.put(ADDRESS, address);
		node.put(ROOT, rootFile == null ? "" : rootFile.strip());
		node.flush();
	}

	/** Whether the counter workstation works on the RA server (connected mode) rather than the embedded service. */
	public static boolean connected() {
		return "server".equals(System.getProperty("radesk.connection", preferences().get(CONNECTION, "standalone")));
	}

	/** Chooses connected mode (or standalone) for the next start. */
	public static void saveConnected(boolean connected) throws BackingStoreException {
		Preferences node = preferences();
		node.put(CONNECTION, connected ? "server" : "standalone");
		node.flush();
	}

	/** The preference itself (not a start-up property), for the preferences dialog; a counter's default is the staff listener. */
	public static String savedAddress(boolean counter) {
		return preferences().get(ADDRESS, counter ? DEFAULT_STAFF_ADDRESS : DEFAULT_ADDRESS);
	}

	public static String savedRoot() {
		return preferences().get(ROOT, "");
	}

	private static Preferences preferences() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}
}
