package radesk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * This test run's own SoftHSM2: an empty token folder made once per test VM, before the card
 * layer loads the module, holding one card initialized from outside with softhsm2-util.
 */
public final class SoftHsm {

	private static String demoSerial;

	private SoftHsm() {
	}

	/**
	 * The test VM's SoftHSM2 configuration and token folder, made when the environment names a
	 * configuration not there yet: before any service is asked for, since the RA's CA opens its
	 * token on the module as it starts.
	 */
	public static synchronized void prepare() {
		String named = System.getenv("SOFTHSM2_CONF");
		if (named == null || named.isBlank() || Files.exists(Path.of(named))) {
			return;
		}
		try {
			Path conf = Path.of(named);
			Path tokens = conf.getParent().resolve("tokens");
			Files.createDirectories(tokens);
			Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public static synchronized String demoCardSerial() throws Exception {
		if (demoSerial != null) {
			return demoSerial;
		}
		prepare();
		// cards of earlier runs go; the RA's CA tokens stay (a running service may have made its own already)
		for (String[] token : tokens()) {
			if (!token[1].startsWith("RADESK-CA")) {
				run("softhsm2-util", "--delete-token", "--serial", token[0]);
			}
		}
		run("softhsm2-util", "--init-token", "--free", "--label", "demo-card-1", "--pin", "246810", "--so-pin", "13579135");
		demoSerial = tokens().stream().filter(t -> t[1].equals("demo-card-1")).map(t -> t[0]).findFirst()
				.orElseThrow(() -> new IllegalStateException("softhsm2-util --show-slots shows no demo-card-1"));
		return demoSerial;
	}

	/** The initialized tokens softhsm2-util shows: serial and label of each. */
	private static java.util.List<String[]> tokens() throws Exception {
		java.util.List<String[]> tokens = new java.util.ArrayList<>();
		String serial = "";
		for (String line : run("softhsm2-util", "--show-slots").split("\n")) {
			String item = line.strip();
			if (item.startsWith("Serial number:")) {
				serial = item.substring("Serial number:".length()).strip();
			} else if (item.startsWith("Label:") && !serial.isEmpty()) {
				tokens.add(new String[] { serial, item.substring("Label:".length()).strip() });
				serial = "";
			}
		}
		return tokens;
	}

	/** Runs an outside tool and returns what it printed; fails unless it exits 0 within 60 s. */
	public static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	/** Runs an outside tool expected to say no (e.g. openssl verify of a revoked certificate); returns what it printed. */
	public static String runAllowingFailure(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not finish: " + out);
		}
		return out;
	}
}
