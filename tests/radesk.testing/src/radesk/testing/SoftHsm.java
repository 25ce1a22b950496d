package radesk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This test run's own SoftHSM2: an empty token folder made once per test VM, before the card
 * layer loads the module, holding one card initialized from outside with softhsm2-util.
 */
public final class SoftHsm {

	private static String demoSerial;

	private SoftHsm() {
	}

	public static synchronized String demoCardSerial() throws Exception {
		if (demoSerial != null) {
			return demoSerial;
		}
		Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
		Path tokens = conf.getParent().resolve("tokens");
		if (Files.exists(tokens)) {
			try (Stream<Path> old = Files.walk(tokens)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(tokens);
		Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
		run("softhsm2-util", "--init-token", "--free", "--label", "demo-card-1", "--pin", "246810", "--so-pin", "13579135");
		Matcher m = Pattern.compile("Serial number:\\s+(\\S+)").matcher(run("softhsm2-util", "--show-slots"));
		if (!m.find()) {
			throw new IllegalStateException("no serial in softhsm2-util --show-slots");
		}
		demoSerial = m.group(1);
		return demoSerial;
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
