package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.KeyKind;
import radesk.pki.CertificateSubject;
import radesk.pki.CsrBuilder;
import radesk.pki.CsrInspector;
import radesk.pki.EmbeddedCa;

/**
 * One card personalized and a certificate put on it, on SoftHSM2: initialize, set the PINs, make
 * a P-256 key on the card, sign the request on the card, write the certificate. The peer is
 * pkcs11-tool doing the same token operations (with a plain signature standing for the request).
 */
final class PersonalizationBench {

	private static final char[] SO = "BENCHSOPIN22".toCharArray();
	private static final char[] PIN = "24682468".toCharArray();

	private final Path dir;
	private final EmbeddedCa ca;
	private final CardReaders readers;
	private final CardTerminal terminal;

	PersonalizationBench(Path dir, EmbeddedCa ca, CardReaders readers, CardTerminal terminal) {
		this.dir = dir;
		this.ca = ca;
		this.readers = readers;
		this.terminal = terminal;
	}

	void run(int cards) throws Exception {
		List<Double> ours = new ArrayList<>();
		X509Certificate sample = null;
		for (int i = 0; i < cards; i++) {
			long slot = blankSlot();
			String serial = "BENCH" + System.nanoTime() % 100_000_000L;
			long start = System.nanoTime();
			terminal.personalize(slot, serial, SO, PIN);
			try (CardSession card = terminal.open(serial, PIN)) {
				CardKey key = card.generateKey(KeyKind.EC_P256);
				byte[] csr = CsrBuilder.build(key.publicKey(), "bench", (alg, data) -> card.sign(key, alg, data));
				X509Certificate cert = ca.issue(CsrInspector.inspect(csr), new CertificateSubject("壓力測試", "HQ", "b@example.tw", "PB"),
						Instant.now());
				card.storeCertificate(cert);
				sample = cert;
			}
			ours.add((System.nanoTime() - start) / 1e9);
		}
		Files.write(dir.resolve("cert.der"), sample.getEncoded());
		// SoftHSM2 signs ECDSA over a hash the caller made (no ECDSA-SHA256): hand it a SHA-256 sized input
		Files.write(dir.resolve("data.bin"), new byte[32]);
		List<Double> peer = new ArrayList<>();
		for (int i = 0; i < cards; i++) {
			peer.add(pkcs11Tool());
		}
		double o = median(ours);
		double p = median(peer);
		Report.ratio("personalize a card + key + request + certificate (median of " + cards + ")", o * 1000,
				"pkcs11-tool, same token ops", p * 1000, "ms", "<= 1.50");
	}

	private long blankSlot() throws Exception {
		return readers.slots().stream().filter(s -> s.cardPresent() && !s.initialized()).map(CardSlot::slotId).findFirst()
				.orElseThrow();
	}

	private double pkcs11Tool() throws Exception {
		String module = readers.module();
		String label = "PEER" + System.nanoTime() % 100_000_000L;
		// each process numbers SoftHSM2's slots anew: ask pkcs11-tool which of its slots is the spare (blank) one
		String blank = blankSlotIndex(module);
		long start = System.nanoTime();
		Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--slot-index", blank, "--init-token",
				"--label", label, "--so-pin", new String(SO)));
		Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--token-label", label, "--login", "--login-type", "so",
				"--so-pin", new String(SO), "--init-pin", "--new-pin", new String(PIN)));
		Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--token-label", label, "--login", "--pin", new String(PIN),
				"--keypairgen", "--key-type", "EC:prime256v1", "--id", "01", "--label", "k"));
		Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--token-label", label, "--login", "--pin", new String(PIN),
				"--sign", "--mechanism", "ECDSA", "--id", "01", "--input-file", "data.bin", "--output-file", "sig.bin"));
		Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--token-label", label, "--login", "--pin", new String(PIN),
				"--write-object", "cert.der", "--type", "cert", "--id", "01", "--label", "c"));
		return (System.nanoTime() - start) / 1e9;
	}

	private String blankSlotIndex(String module) throws Exception {
		String slots = Peer.time(dir, List.of("pkcs11-tool", "--module", module, "--list-slots")).output();
		String[] blocks = slots.split("(?m)^Slot ");
		for (int i = 1; i < blocks.length; i++) {
			if (blocks[i].contains("uninitialized")) {
				return blocks[i].substring(0, blocks[i].indexOf(' '));
			}
		}
		throw new IllegalStateException("pkcs11-tool lists no blank slot:\n" + slots);
	}

	private static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(v);
		return v[v.length / 2];
	}
}
