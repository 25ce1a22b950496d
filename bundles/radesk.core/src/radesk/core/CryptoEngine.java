package radesk.core;

/**
 * Which crypto engine this process signs and verifies with, for people (the About dialog, logs):
 * the PKI bundle states it once it has chosen (a native provider where one loads, else Java's);
 * the user interface, which does not depend on that bundle, reads it here.
 */
public final class CryptoEngine {

	/** The system property the PKI bundle sets when it chooses. */
	public static final String PROPERTY = "radesk.crypto.engine";

	private CryptoEngine() {
	}

	/** The engine chosen, or Java's when nothing chose one (the PKI bundle not loaded yet, or not in this product). */
	public static String describe() {
		return System.getProperty(PROPERTY, java());
	}

	/** Java's own providers, by vendor and version. */
	public static String java() {
		return "Java (" + System.getProperty("java.vendor") + " " + Runtime.version() + ")";
	}
}
