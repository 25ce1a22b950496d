package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import radesk.api.CardReaders;
import radesk.card.CardTerminal;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;
import radesk.store.Database;

/**
 * Runs every benchmark once and prints each result as a ratio against its peer measured in the
 * same run. {@code bench/run.sh} starts it with the product's bundles on the class path; the
 * data folder, CA and SoftHSM2 tokens are fresh in a temporary folder.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
		for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
			h.setLevel(java.util.logging.Level.WARNING);
		}
		Path dir = Files.createTempDirectory("radesk-bench");
		System.setProperty("radesk.data", dir.resolve("data").toString());
		int issue = Integer.getInteger("bench.issue", 2000);
		int crl = Integer.getInteger("bench.crl", 1_000_000);
		int cards = Integer.getInteger("bench.cards", 5);
		int postal = Integer.getInteger("bench.postal", 10_000);
		int subscribers = Integer.getInteger("bench.subscribers", 1_000_000);
		EmbeddedCa ca = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo());
		Database db = (Database) Components.make("radesk.store.internal.EmbeddedH2Database");
		Object cardLayer = Components.make("radesk.card.internal.Pkcs11Cards");

		System.out.println("RA Desk benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + "), work folder " + dir);
		// -Dbench.only=search,crl runs only those
		java.util.Set<String> only = java.util.Set.of(System.getProperty("bench.only", "issuance,crl,cards,mailroom,server,search").split(","));
		if (only.contains("issuance")) {
			new IssuanceBench(dir, ca, db).run("EC-P256", issue);
			new IssuanceBench(dir, ca, db).run("RSA-2048", issue);
		}
		if (only.contains("crl")) {
			new CrlBench(dir, ca).run(crl);
		}
		if (only.contains("cards")) {
			new PersonalizationBench(dir, ca, (CardReaders) cardLayer, (CardTerminal) cardLayer).run(cards);
		}
		if (only.contains("mailroom")) {
			new MailroomBench(db, Components.make("radesk.service.internal.EmbeddedRa")).run(postal);
		}
		if (only.contains("server")) {
			new ServerLoadBench(db, dir.resolve("data")).run(Integer.getInteger("bench.sessions", 200));
		}
		if (only.contains("search")) {
			new SearchBench(db).run(subscribers);
		}
		System.exit(0);
	}
}
