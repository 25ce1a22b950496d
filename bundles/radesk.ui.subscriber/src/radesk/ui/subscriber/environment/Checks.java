package radesk.ui.subscriber.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.ui.subscriber.remote.RaClient;

/**
 * 環境檢測: what this computer needs to use the card and the RA server, item by item, each passed
 * or failed with what was found; some failures can be put right from here ({@link #fix}).
 */
public final class Checks {

	public enum Item {
		PKCS11_MODULE, CARD_READER, CARD_PRESENT, SERVER_TLS, CLOCK, CA_INSTALLED
	}

	/** One result: passed or not, what was found, and whether the program can put it right. */
	public record Result(Item item, boolean passed, String found, boolean fixable) {
	}

	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
	static final String NSS_NICKNAME = "RA Desk root CA";

	private final CardReaders readers;

	public Checks(CardReaders readers) {
		this.readers = readers;
	}

	public List<Result> run() {
		List<Result> results = new ArrayList<>();
		List<CardSlot> slots = List.of();
		try {
			slots = readers.slots();
			results.add(new Result(Item.PKCS11_MODULE, true, readers.module(), false));
		} catch (CardAccessException e) {
			results.add(new Result(Item.PKCS11_MODULE, false, readers.module() + " — " + e.getMessage(), false));
		}
		results.add(new Result(Item.CARD_READER, !slots.isEmpty(), slots.isEmpty() ? "" : slots.get(0).reader(), false));
		CardSlot card = slots.stream().filter(CardSlot::cardPresent).filter(CardSlot::initialized).findFirst().orElse(null);
		results.add(new Result(Item.CARD_PRESENT, card != null, card == null ? "" : card.tokenLabel(), false));
		Instant serverTime = null;
		try {
			serverTime = new RaClient().serverTime();
			results.add(new Result(Item.SERVER_TLS, true, System.getProperty("radesk.server.url", "https://localhost:8443/api/v1/"), false));
		} catch (Exception e) {
			results.add(new Result(Item.SERVER_TLS, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
					false));
		}
		if (serverTime == null) {
			results.add(new Result(Item.CLOCK, false, "", false));
		} else {
			Duration off = Duration.between(serverTime, Instant.now()).abs();
			results.add(new Result(Item.CLOCK, off.compareTo(CLOCK_TOLERANCE) <= 0, off.toSeconds() + " s", false));
		}
		boolean installed = nssHasRoot();
		results.add(new Result(Item.CA_INSTALLED, installed, nssDatabase().toString(), !installed && Files.exists(RaClient.rootFile())));
		return results;
	}

	/** 變更設定 for an item that can be put right here: installs the RA root in this user's NSS database. */
	public void fix(Item item) throws IOException, InterruptedException {
		if (item != Item.CA_INSTALLED) {
			throw new IllegalArgumentException(item + " cannot be changed from here");
		}
		Path db = nssDatabase();
		if (!Files.exists(db.resolve("cert9.db"))) {
			Files.createDirectories(db);
			certutil("-N", "-d", "sql:" + db, "--empty-password");
		}
		certutil("-A", "-d", "sql:" + db, "-n", NSS_NICKNAME, "-t", "C,C,C", "-i", RaClient.rootFile().toString());
	}

	/** The NSS database browsers and mail programs of this user read ({@code ~/.pki/nssdb}). */
	static Path nssDatabase() {
		return Path.of(System.getenv().getOrDefault("HOME", System.getProperty("user.home")), ".pki", "nssdb");
	}

	private static boolean nssHasRoot() {
		try {
			return Files.exists(nssDatabase().resolve("cert9.db"))
					&& certutil("-L", "-d", "sql:" + nssDatabase(), "-n", NSS_NICKNAME).contains("Certificate:");
		} catch (IOException | InterruptedException e) {
			return false;
		}
	}

	private static String certutil(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("certutil"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException("certutil " + String.join(" ", args) + ": " + out.strip());
		}
		return out;
	}
}
