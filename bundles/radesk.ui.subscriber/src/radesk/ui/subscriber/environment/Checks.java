package radesk.ui.subscriber.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardModule;
import radesk.card.CardTerminal;
import radesk.ui.subscriber.card.ThisComputer;
import radesk.client.RaClient;

/**
 * 環境檢測: what this computer needs to use the card and the RA server, item by item, each passed
 * or failed with what was found; some failures can be put right from here ({@link #fix}).
 */
public final class Checks {

	public enum Item {
		PKCS11_MODULE, PCSC_SERVICE, CARD_READER, CARD_PRESENT, SERVER_TLS, CLOCK, CA_INSTALLED, CARD_REGISTERED
	}

	/**
	 * One result: passed or not, what was found (a path, a name — or, starting with
	 * {@code env_found_}, a message key for words), and whether the program can put it right.
	 */
	public record Result(Item item, boolean passed, String found, boolean fixable) {
	}

	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
	static final String NSS_NICKNAME = "RA Desk root CA";

	/** Where pcscd listens when it runs (or is socket-activated) on Linux. */
	static final Path PCSC_SOCKET = Path.of("/run/pcscd/pcscd.comm");

	private final CardReaders readers;
	private final CardTerminal terminal;

	public Checks(CardReaders readers, CardTerminal terminal) {
		this.readers = readers;
		this.terminal = terminal;
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
		results.add(pcsc());
		results.add(new Result(Item.CARD_READER, !slots.isEmpty(), slots.isEmpty() ? "" : slots.get(0).reader(), false));
		CardSlot card = slots.stream().filter(CardSlot::cardPresent).filter(CardSlot::initialized).findFirst().orElse(null);
		results.add(new Result(Item.CARD_PRESENT, card != null, card == null ? "" : card.tokenLabel(), false));
		Instant serverTime = null;
		try {
			serverTime = new RaClient().serverTime();
			results.add(new Result(Item.SERVER_TLS, true, radesk.client.ServerSettings.address(), false));
		} catch (Exception e) {
			results.add(new Result(Item.SERVER_TLS, false, radesk.client.ServerSettings.address()
					+ (e.getMessage() == null ? "" : " \u2014 " + e.getMessage()), false));
		}
		if (serverTime == null) {
			results.add(new Result(Item.CLOCK, false, "", false));
		} else {
			Duration off = Duration.between(serverTime, Instant.now()).abs();
			results.add(new Result(Item.CLOCK, off.compareTo(CLOCK_TOLERANCE) <= 0, off.toSeconds() + " s", false));
		}
		boolean installed = nssHasRoot();
		results.add(new Result(Item.CA_INSTALLED, installed, nssDatabase().toString(), !installed && Files.exists(RaClient.rootFile())));
		results.add(cardRegistered(card));
		return results;
	}

	/** Readers of real cards are reached through pcscd; SoftHSM2's demo card needs none. */
	private Result pcsc() {
		if (CardModule.isSoftHsm()) {
			return new Result(Item.PCSC_SERVICE, true, "env_found_pcsc_not_needed", false);
		}
		boolean running = Files.exists(PCSC_SOCKET);
		return new Result(Item.PCSC_SERVICE, running, running ? PCSC_SOCKET.toString() : "env_found_pcsc_missing", false);
	}

	/** The certificates on the cards in the readers, in this user's NSS database (更換電腦 puts them there). */
	private Result cardRegistered(CardSlot card) {
		if (card == null) {
			return new Result(Item.CARD_REGISTERED, false, "", false);
		}
		try {
			List<X509Certificate> certificates = cardCertificates();
			if (certificates.isEmpty()) {
				return new Result(Item.CARD_REGISTERED, false, "env_found_no_certificate", false);
			}
			List<String> missing = certificates.stream().filter(c -> !ThisComputer.registered(c)).map(ThisComputer::nickname).toList();
			return new Result(Item.CARD_REGISTERED, missing.isEmpty(),
					String.join(", ", missing.isEmpty() ? certificates.stream().map(ThisComputer::nickname).toList() : missing),
					!missing.isEmpty());
		} catch (CardAccessException e) {
			return new Result(Item.CARD_REGISTERED, false, e.getMessage(), false);
		}
	}

	/** The certificates of every personalized card in the readers (public objects: no PIN). */
	private List<X509Certificate> cardCertificates() throws CardAccessException {
		List<X509Certificate> certificates = new ArrayList<>();
		for (CardSlot slot : readers.slots()) {
			if (slot.cardPresent() && slot.initialized()) {
				certificates.addAll(terminal.certificates(slot.tokenLabel()));
			}
		}
		return certificates;
	}

	/**
	 * 變更設定 for an item that can be put right here: installs the RA root in this user's NSS
	 * database, or registers the card's certificates there (as 更換電腦 does; public parts only).
	 */
	public void fix(Item item) throws IOException, InterruptedException, CardAccessException {
		if (item == Item.CARD_REGISTERED) {
			ThisComputer.register(cardCertificates());
			return;
		}
		if (item != Item.CA_INSTALLED) {
			throw new IllegalArgumentException(item + " cannot be changed from here");
		}
		Path db = nssDatabase();
		if (!Files.exists(db.resolve("cert9.db"))) {
			Files.createDirectories(db);
			certutil("-N", "-d", "sql:" + db, "--empty-password");
		}
		// trusted for what it is needed for, mail signed by the RA and by its subscribers (",C,"): not
		// for web servers nor code (the subscriber edition trusts the RA's server on its own; M12)
		certutil("-A", "-d", "sql:" + db, "-n", NSS_NICKNAME, "-t", ",C,", "-i", RaClient.rootFile().toString());
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
