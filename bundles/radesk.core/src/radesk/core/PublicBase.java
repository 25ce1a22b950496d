package radesk.core;

import java.net.URI;
import java.net.InetAddress;
import java.util.Locale;

/**
 * The public base URL under which relying parties fetch the CRL ({@code /crl/issuing.crl}), the
 * CA certificate ({@code /ca/issuing.cer}) and OCSP ({@code /ocsp}): the setting
 * {@code radesk.publish.url} (e.g. {@code http://pki.example.tw}), written into every new
 * certificate. Unset, it is {@code http://<this host's name>:8080} — where the RA server's
 * publication listener answers by default. Plain HTTP, as relying parties fetch it (RFC 5280
 * 4.2.1.13, RFC 6960 A.1); never a loopback address outside a test run: a certificate naming
 * 127.0.0.1 would send every relying party to itself.
 */
public final class PublicBase {

	public static final String PROPERTY = "radesk.publish.url";

	private PublicBase() {
	}

	/** The base URL now (read at each use: a certificate gets the setting of the moment). */
	public static String current() {
		String configured = System.getProperty(PROPERTY);
		String base = configured == null || configured.isBlank() ? "http://" + HostName.NAME + ":8080" : configured.strip();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * Why {@code base} cannot be the public base URL, or null when it can: an absolute http URL
	 * with a host, no query or fragment, no user part; a loopback host only in a test run.
	 */
	public static String problem(String base) {
		URI uri;
		try {
			uri = new URI(base);
		} catch (java.net.URISyntaxException e) {
			return "not a URL: " + e.getMessage();
		}
		if (!"http".equals(uri.getScheme())) {
			return "relying parties fetch CRLs and OCSP over plain http (the content is signed): use an http:// URL";
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "an http://host[:port][/path] URL, without user, query or fragment";
		}
		if (!TimeSource.testRun() && loopback(uri.getHost())) {
			return "a loopback address (" + uri.getHost() + ") would send every relying party to itself: name this server as"
					+ " relying parties reach it";
		}
		return null;
	}

	private static boolean loopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.equals("localhost") || h.endsWith(".localhost")) {
			return true;
		}
		if (!h.matches("[0-9.]+") && !h.startsWith("[")) {
			return false; // a name: not resolved here (the operator's DNS decides)
		}
		try {
			return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
		} catch (java.net.UnknownHostException e) {
			return false;
		}
	}

	/** This host's name, looked up once (a reverse lookup may be slow). */
	private static final class HostName {
		static final String NAME = hostName();
	}

	private static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getCanonicalHostName();
			return name == null || name.isBlank() || loopback(name) ? InetAddress.getLocalHost().getHostName() : name;
		} catch (java.net.UnknownHostException e) {
			String env = System.getenv("HOSTNAME");
			return env == null || env.isBlank() ? "radesk" : env;
		}
	}
}
