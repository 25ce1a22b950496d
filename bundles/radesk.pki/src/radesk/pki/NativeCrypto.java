package radesk.pki;

import java.security.Provider;
import java.util.Optional;

/**
 * The native crypto provider where this machine has one: the Amazon Corretto Crypto Provider
 * (AWS-LC; its bundle is in the Linux x86_64 products), about 25 times the JDK's ECDSA P-256 signing
 * on Java 17. Elsewhere (Windows, other CPUs, a provider that fails its self-tests, or
 * {@code -Dradesk.crypto=jdk}) the signatures are made by Java code instead, with the same results.
 * Chosen once, at the first use, and named in the log; never registered with the JDK globally.
 */
public final class NativeCrypto {

	private static final System.Logger LOG = System.getLogger(NativeCrypto.class.getName());
	private static final Optional<Provider> PROVIDER = load();

	private NativeCrypto() {
	}

	/** The native provider, or empty when the Java providers do the work. */
	public static Optional<Provider> provider() {
		return PROVIDER;
	}

	/** What signs here, in words for the log and the About dialog. */
	public static String describe() {
		return PROVIDER.map(p -> p.getName() + " " + p.getVersionStr() + " (native)")
				.orElse(radesk.core.CryptoEngine.java());
	}

	/**
	 * {@code key} as the native provider holds it (translate once per key, not per signature), or null:
	 * no native provider, not an EC key, or the provider refuses it (logged; the Java signer then signs).
	 */
	static java.security.PrivateKey translated(java.security.PrivateKey key) {
		if (PROVIDER.isEmpty() || !"EC".equals(key.getAlgorithm())) {
			return null;
		}
		try {
			return (java.security.PrivateKey) java.security.KeyFactory.getInstance("EC", PROVIDER.get()).translateKey(key);
		} catch (java.security.GeneralSecurityException | RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, "the native provider does not take the signing key; the Java signer signs with it: " + e);
			return null;
		}
	}

	/** Verifies signatures made by {@code key}: with the native provider where it loads, else the JDK's. */
	public static org.bouncycastle.operator.ContentVerifierProvider verifier(java.security.PublicKey key)
			throws org.bouncycastle.operator.OperatorCreationException {
		org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder builder =
				new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder();
		PROVIDER.ifPresent(builder::setProvider);
		return builder.build(key);
	}

	private static boolean installed;

	/**
	 * Puts the native provider first among the JDK's, for the JDK's TLS (which finds its ciphers, key
	 * agreement and signatures there): the RA server's listeners. Once per process; nothing without
	 * a native provider. Everything else chooses its provider itself (never "whichever is first").
	 */
	public static synchronized void installForTls() {
		if (installed || PROVIDER.isEmpty()) {
			return;
		}
		installed = true;
		if (java.security.Security.getProvider(PROVIDER.get().getName()) == null) {
			java.security.Security.insertProviderAt(PROVIDER.get(), 1);
		}
		LOG.log(System.Logger.Level.INFO, "crypto: " + describe() + " first among the providers, for TLS");
	}

	private static Optional<Provider> load() {
		Optional<Provider> chosen = choose();
		// for the About dialog, which knows nothing of this bundle (radesk.core.CryptoEngine)
		System.setProperty(radesk.core.CryptoEngine.PROPERTY, chosen.map(p -> p.getName() + " " + p.getVersionStr() + " (native)")
				.orElse(radesk.core.CryptoEngine.java()));
		return chosen;
	}

	private static Optional<Provider> choose() {
		if ("jdk".equalsIgnoreCase(System.getProperty("radesk.crypto", ""))) {
			LOG.log(System.Logger.Level.INFO, "crypto: Java providers (radesk.crypto=jdk)");
			return Optional.empty();
		}
		try {
			com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
					com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
			accp.assertHealthy();
			LOG.log(System.Logger.Level.INFO, "crypto: " + accp.getName() + " " + accp.getVersionStr() + " ("
					+ accp.getAwsLcVersionStr() + ", native)");
			return Optional.of(accp);
		} catch (NoClassDefFoundError e) {
			LOG.log(System.Logger.Level.INFO, "crypto: Java providers (no native provider for " + System.getProperty("os.name") + " "
					+ System.getProperty("os.arch") + ")");
		} catch (RuntimeException | LinkageError e) {
			LOG.log(System.Logger.Level.WARNING, "crypto: the native provider could not start, Java providers instead: " + e, e);
		}
		return Optional.empty();
	}
}
