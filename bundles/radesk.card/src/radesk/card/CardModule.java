package radesk.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import radesk.core.DataFolder;

/**
 * Which PKCS#11 module stands for the card readers. {@code radesk.pkcs11.module} names a real
 * card's module (OpenSC's {@code opensc-pkcs11.so}); without it RA Desk uses SoftHSM2 with a token
 * folder of its own in the data folder, so demo cards never mix with anything else on the machine.
 */
public final class CardModule {

	public static final String SOFTHSM2 = "/usr/lib/softhsm/libsofthsm2.so";

	private CardModule() {
	}

	public static String path() {
		String configured = System.getProperty("radesk.pkcs11.module");
		return configured != null && !configured.isBlank() ? configured.strip() : SOFTHSM2;
	}

	public static boolean isSoftHsm() {
		return path().contains("softhsm");
	}

	/**
	 * The SoftHSM2 configuration this process uses: {@code SOFTHSM2_CONF} when the environment
	 * sets it, otherwise {@code <data>/cards/softhsm2.conf}, written on first use.
	 */
	public static Path softHsmConfig() throws IOException {
		String fromEnv = System.getenv("SOFTHSM2_CONF");
		if (fromEnv != null && !fromEnv.isBlank()) {
			Path conf = Path.of(fromEnv);
			if (!Files.isReadable(conf)) {
				throw new IOException("SOFTHSM2_CONF names " + conf + ", which cannot be read");
			}
			return conf;
		}
		Path folder = DataFolder.resolve().resolve("cards");
		Path tokens = folder.resolve("tokens");
		Files.createDirectories(tokens);
		Path conf = folder.resolve("softhsm2.conf");
		String content = "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n";
		// written again when it names another folder (a data folder restored or moved elsewhere)
		if (!Files.exists(conf) || !Files.readString(conf).equals(content)) {
			Path staged = Files.createTempFile(folder, ".softhsm2-", ".tmp");
			Files.writeString(staged, content);
			Files.move(staged, conf, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		return conf;
	}
}
