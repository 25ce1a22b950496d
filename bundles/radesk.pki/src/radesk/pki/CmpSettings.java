package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Properties;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An external CA chosen instead of the embedded one: {@code cmp.properties} in the CA folder, which
 * the operator writes. Keys: {@code url} (http or https, path {@code /} or ending {@code /pkix/});
 * {@code protection} = {@code secret} ({@code reference} and {@code secret.file}, default
 * {@code cmp.secret} beside) or {@code signature} ({@code signer}, a PKCS#12 file, and
 * {@code signer.password.file}); {@code responder}, the CA's CMP certificate that signs its answers
 * (pinned; needed for renewals, which the card signs); {@code polls} (how often to ask again while
 * the CA keeps a request waiting, 0–60, default 10); {@code crl.url} and {@code ocsp.url}, where
 * relying parties find the status of the certificates that CA signs (the RA publishes none of
 * them). A setting that is wrong stops with its name; a secret is never shown.
 */
public record CmpSettings(CmpClient.Settings client, URI crl, URI ocsp) {

	public static final String FILE = "cmp.properties";

	/** The settings in {@code folder}, if the operator chose an external CA there. */
	public static java.util.Optional<CmpSettings> read(Path folder) throws IOException {
		Path file = folder.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return java.util.Optional.empty();
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		URI url = url(p, "url");
		if (!url.getPath().equals("/") && !url.getPath().endsWith("/pkix/")) {
			throw wrong(file, "url", "its path is / or ends in /pkix/");
		}
		CmpClient.Protection protection = switch (p.getProperty("protection", "secret").strip()) {
		case "secret" -> new CmpClient.Protection.SharedSecret(required(p, file, "reference"),
				secret(folder.resolve(p.getProperty("secret.file", "cmp.secret").strip()), file, "secret.file"));
		case "signature" -> signer(folder, p, file);
		default -> throw wrong(file, "protection", "secret or signature");
		};
		X509Certificate responder = p.getProperty("responder") == null ? null
				: certificate(folder.resolve(p.getProperty("responder").strip()), file);
		if (responder == null && protection instanceof CmpClient.Protection.Signature) {
			throw wrong(file, "responder", "the CA's CMP certificate, which signs its answers");
		}
		int polls;
		try {
			polls = Integer.parseInt(p.getProperty("polls", "10").strip());
		} catch (NumberFormatException e) {
			polls = -1;
		}
		if (polls < 0 || polls > 60) {
			throw wrong(file, "polls", "a number from 0 to 60");
		}
		try {
			return java.util.Optional.of(new CmpSettings(new CmpClient.Settings(url, protection, responder, polls),
					url(p, "crl.url"), url(p, "ocsp.url")));
		} catch (IllegalArgumentException e) {
			throw wrong(file, "crl.url/ocsp.url", e.getMessage());
		}
	}

	private static URI url(Properties p, String key) {
		String value = p.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(FILE + ": " + key + " is missing");
		}
		URI uri = URI.create(value.strip());
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || uri.getUserInfo() != null) {
			throw new IllegalArgumentException(FILE + ": " + key + " must be an http or https address without credentials");
		}
		return uri;
	}

	private static String required(Properties p, Path file, String key) {
		String value = p.getProperty(key);
		if (value == null || value.isBlank()) {
			throw wrong(file, key, "it is missing");
		}
		return value.strip();
	}

	private static char[] secret(Path path, Path file, String key) throws IOException {
		if (!Files.isRegularFile(path)) {
			throw wrong(file, key, "no file " + path);
		}
		String text = Files.readString(path, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			throw wrong(file, key, path + " is empty");
		}
		return text.toCharArray();
	}

	private static CmpClient.Protection.Signature signer(Path folder, Properties p, Path file) throws IOException {
		Path store = folder.resolve(required(p, file, "signer"));
		char[] password = secret(folder.resolve(p.getProperty("signer.password.file", "cmp-signer.password").strip()), file,
				"signer.password.file");
		try (InputStream in = Files.newInputStream(store)) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(in, password);
			for (String alias : Collections.list(keys.aliases())) {
				if (keys.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) keys.getKey(alias, password);
					X509Certificate certificate = (X509Certificate) keys.getCertificate(alias);
					String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
					return new CmpClient.Protection.Signature(certificate, new JcaContentSignerBuilder(algorithm).build(key));
				}
			}
			throw wrong(file, "signer", store + " holds no key");
		} catch (GeneralSecurityException | OperatorCreationException e) {
			throw wrong(file, "signer", store + " does not open: " + e.getMessage());
		} finally {
			java.util.Arrays.fill(password, '\0');
		}
	}

	private static X509Certificate certificate(Path path, Path file) throws IOException {
		try (InputStream in = Files.newInputStream(path)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		} catch (GeneralSecurityException | IOException e) {
			throw wrong(file, "responder", path + " is not a certificate: " + e.getMessage());
		}
	}

	private static IllegalArgumentException wrong(Path file, String key, String why) {
		return new IllegalArgumentException(file + ": " + key + ": " + why);
	}
}
