package radesk.ui.subscriber.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import radesk.card.CardModule;

/**
 * 更換電腦 (what the seed's CardToolClient did): makes this user's programs able to use the card —
 * the PKCS#11 module registered with p11-kit ({@code ~/.config/pkcs11/modules/radesk.module}) and
 * with the user's NSS database (modutil), and the card's certificates (public parts only) added
 * to that database (certutil). The private keys stay on the card: nothing is copied from it.
 */
public final class ThisComputer {

	static final String NSS_MODULE = "RA Desk card";

	private ThisComputer() {
	}

	static Path home() {
		return Path.of(System.getenv().getOrDefault("HOME", System.getProperty("user.home")));
	}

	static Path nss() {
		return home().resolve(".pki").resolve("nssdb");
	}

	/** Registers module and certificates; returns the nicknames the certificates got. */
	public static List<String> register(List<X509Certificate> certificates) throws IOException, InterruptedException {
		String module = CardModule.path();
		// p11-kit: unless the system registers this module already (Debian does for OpenSC and SoftHSM2), for this user
		if (!run("p11-kit", "list-modules").contains(Path.of(module).getFileName().toString())) {
			Path p11kit = home().resolve(".config").resolve("pkcs11").resolve("modules").resolve("radesk.module");
			Files.createDirectories(p11kit.getParent());
			Files.writeString(p11kit, "# written by RA Desk: the smart card for this user's programs\nmodule: " + module + "\n");
		}
		Path db = nss();
		if (!Files.exists(db.resolve("cert9.db"))) {
			Files.createDirectories(db);
			run("certutil", "-N", "-d", "sql:" + db, "--empty-password");
		}
		if (!run("modutil", "-list", "-dbdir", "sql:" + db).contains(NSS_MODULE)) {
			run("modutil", "-force", "-add", NSS_MODULE, "-libfile", module, "-dbdir", "sql:" + db);
		}
		List<String> nicknames = new ArrayList<>();
		for (X509Certificate c : certificates) {
			String nickname = nickname(c);
			nicknames.add(nickname);
			if (registered(c)) {
				continue;
			}
			Path der = Files.createTempFile("radesk-cert", ".der");
			try {
				Files.write(der, c.getEncoded());
				run("certutil", "-A", "-d", "sql:" + db, "-n", nickname, "-t", ",,", "-i", der.toString());
			} catch (java.security.cert.CertificateEncodingException e) {
				throw new IOException(e);
			} finally {
				Files.deleteIfExists(der);
			}
		}
		return nicknames;
	}

	/** The name a card's certificate has in this user's NSS database. */
	public static String nickname(X509Certificate certificate) {
		return "RA Desk " + certificate.getSerialNumber().toString(16);
	}

	/** Whether this certificate of the card is in this user's NSS database already. */
	public static boolean registered(X509Certificate certificate) {
		if (!Files.exists(nss().resolve("cert9.db"))) {
			return false;
		}
		try {
			return run("certutil", "-L", "-d", "sql:" + nss(), "-n", nickname(certificate)).contains("Certificate:");
		} catch (IOException | InterruptedException e) {
			return false;
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		if (CardModule.isSoftHsm()) {
			// the demo card's configuration, set in this process only: the tools need it too
			Map<String, String> env = pb.environment();
			env.put("SOFTHSM2_CONF", CardModule.softHsmConfig().toString());
		}
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + ": " + out.strip());
		}
		return out;
	}
}
