package radesk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import radesk.core.ca.CaToken;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;

/**
 * The server's TLS identity: a P-256 key and a certificate from the RA's own TLS CA (not the CA of
 * subscribers' certificates; security review M12) for the names it
 * answers on, kept in {@code <data>/server/tls.p12} (its random password beside it, owner-only)
 * and renewed when it is within 30 days of its end. The CA root is written to
 * {@code <data>/server/root.cer} for clients to trust.
 */
final class ServerTls {

	private ServerTls() {
	}

	static SSLContext context(Path data, List<String> names, List<String> addresses, CaToken token)
			throws GeneralSecurityException, IOException {
		Path folder = data.resolve("server");
		Files.createDirectories(folder);
		Path store = folder.resolve("tls.p12");
		Path secret = folder.resolve("tls.pass");
		KeyStore keys = KeyStore.getInstance("PKCS12");
		char[] password;
		if (Files.exists(store) && Files.exists(secret)) {
			password = Files.readString(secret).strip().toCharArray();
			try (InputStream in = Files.newInputStream(store)) {
				keys.load(in, password);
			}
			X509Certificate current = (X509Certificate) keys.getCertificate("server");
			if (current == null || current.getNotAfter().toInstant().isBefore(Instant.now().plus(java.time.Duration.ofDays(30)))
					// issued before the TLS CA existed (by the subscribers' issuing CA): issued again
					|| !current.getIssuerX500Principal().getName().contains("TLS CA")
					|| !names(current).containsAll(names) || !names(current).containsAll(addresses)) {
				keys = issue(data, names, addresses, password, store, token);
			}
		} else {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			password = HexFormat.of().formatHex(random).toCharArray();
			Files.writeString(secret, new String(password));
			ownerOnly(secret);
			keys = issue(data, names, addresses, password, store, token);
		}
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(keys, password);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(kmf.getKeyManagers(), null, null);
		return tls;
	}

	/** The DNS names and IP addresses a certificate is good for. */
	private static java.util.Set<String> names(X509Certificate certificate) throws java.security.cert.CertificateParsingException {
		java.util.Set<String> names = new java.util.HashSet<>();
		java.util.Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
		if (alternatives != null) {
			for (List<?> name : alternatives) {
				names.add(String.valueOf(name.get(1)));
			}
		}
		return names;
	}

	/**
	 * The names the server answers on: localhost and 127.0.0.1, plus those of
	 * {@code radesk.server.names} (comma-separated host names and IP addresses, for clients on other
	 * computers). Host names go first in the list, then the IP addresses.
	 */
	static List<List<String>> configuredNames(String extra) {
		List<String> names = new java.util.ArrayList<>(List.of("localhost"));
		List<String> addresses = new java.util.ArrayList<>(List.of("127.0.0.1"));
		if (extra != null) {
			for (String item : extra.split(",")) {
				String name = item.strip();
				if (name.isEmpty()) {
					continue;
				}
				if (name.matches("[0-9.]+") || name.contains(":")) {
					if (!addresses.contains(name)) {
						addresses.add(name);
					}
				} else if (!names.contains(name.toLowerCase(java.util.Locale.ROOT))) {
					names.add(name.toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		return List.of(names, addresses);
	}

	private static KeyStore issue(Path data, List<String> names, List<String> addresses, char[] password, Path store, CaToken token)
			throws GeneralSecurityException, IOException {
		EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(radesk.core.PublicBase::current), token,
				radesk.pki.CaCeremony.backupFolder(data), System.out);
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair pair = g.generateKeyPair();
		X509Certificate cert = ca.issueTlsServer(pair.getPublic(), names, addresses, Instant.now());
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setKeyEntry("server", pair.getPrivate(), password, new Certificate[] { cert, ca.tlsCa(), ca.root() });
		Path temp = Files.createTempFile(store.getParent(), "tls", ".tmp");
		try (OutputStream out = Files.newOutputStream(temp)) {
			keys.store(out, password);
		}
		ownerOnly(temp);
		Files.move(temp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		Files.write(store.resolveSibling("root.cer"), ca.root().getEncoded());
		return keys;
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Windows: the user's profile folder is private already
		}
	}
}
