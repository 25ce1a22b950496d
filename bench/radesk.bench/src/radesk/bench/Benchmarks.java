package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import radesk.api.CardReaders;
import radesk.api.staff.MailroomDesk;
import radesk.api.staff.SearchDesk;
import radesk.card.CardTerminal;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;
import radesk.server.RaServerEndpoint;
import radesk.store.Database;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;

/**
 * Runs every benchmark in the products' OSGi runtime — the services wired by DS as in the counter and
 * the server, nothing built by hand — each for {@code bench.rounds} rounds, and prints the table of
 * medians with their spread ({@link Report}). The sizes come from system properties: CI runs small
 * ones (bench/pom.xml), {@code bench/run.sh} the full ones.
 */
final class Benchmarks {

	private Benchmarks() {
	}

	/** The number of goals not met (CI prints them; only a crash fails). */
	static int runAll(Path tableFile) throws Exception {
		Path dir = Files.createTempDirectory("radesk-bench");
		int rounds = Integer.getInteger("bench.rounds", 5);
		int issue = Integer.getInteger("bench.issue", 2000);
		int crl = Integer.getInteger("bench.crl", 1_000_000);
		int cards = Integer.getInteger("bench.cards", 5);
		int postal = Integer.getInteger("bench.postal", 10_000);
		int subscribers = Integer.getInteger("bench.subscribers", 1_000_000);
		int sessions = Integer.getInteger("bench.sessions", 200);
		int scaleSessions = Integer.getInteger("bench.scaleSessions", 2000);
		int notices = Integer.getInteger("bench.notices", 1_000_000);
		int ocsp = Integer.getInteger("bench.ocsp", 1_000_000);
		int ocspRequests = Integer.getInteger("bench.ocspRequests", 50_000);
		SoftHsm.demoCardSerial();
		// the CA as the RA runs it, its keys on its token; and the same CA with its key in memory, for comparison
		Path data = Path.of(System.getProperty("radesk.data"));
		EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"),
				OsgiServices.await(radesk.core.ca.CaToken.class), radesk.pki.CaCeremony.backupFolder(data), System.out);
		EmbeddedCa inMemory = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"));
		Database db = OsgiServices.await(Database.class);
		CardReaders readers = OsgiServices.await(CardReaders.class);
		readers.rescan();
		System.out.println("RA Desk benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ", " + rounds + " rounds), work folder " + dir);
		// -Dbench.only=search,crl runs only those
		Set<String> only = Set.of(System.getProperty("bench.only", "issuance,crl,cards,mailroom,server,search,ocsp,notices,coldstart").split(","));
		IssuanceBench issuance = new IssuanceBench(dir, ca, OsgiServices.await(radesk.core.ca.CaToken.class), inMemory, db);
		CrlBench crlBench = new CrlBench(dir, ca);
		PersonalizationBench personalization = new PersonalizationBench(dir, ca, readers, OsgiServices.await(CardTerminal.class));
		MailroomBench mailroom = new MailroomBench(db, OsgiServices.await(MailroomDesk.class));
		ServerLoadBench server = new ServerLoadBench(db, Path.of(System.getProperty("radesk.data")),
				OsgiServices.await(RaServerEndpoint.class));
		SearchBench search = new SearchBench(db, OsgiServices.await(SearchDesk.class));
		NoticeBench noticeBench = new NoticeBench(dir);
		OcspBench ocspBench = new OcspBench(dir);
		ColdStartBench coldStart = new ColdStartBench(dir);
		// P8, on PostgreSQL only (the second run): the server product twice, behind HAProxy
		Path serverProduct = Path.of(System.getProperty("bench.serverProduct", "(none)"));
		boolean shared = System.getProperty("radesk.database") != null; // several servers share PostgreSQL, never an H2 file
		ScaleOutBench scaleOut = !only.contains("scaleout") || !shared ? null : !ServerInstances.available(serverProduct)
				? null : new ScaleOutBench(db, new CardHolders(OsgiServices.await(CardTerminal.class), readers),
						new ServerInstances(serverProduct, Files.createDirectories(dir.resolve("scale-out"))));
		if (only.contains("scaleout") && shared && scaleOut == null) {
			Report.note("scale-out not measured: needs the radesk-server product built (" + serverProduct + ") and /usr/sbin/haproxy");
		}
		for (int r = 1; r <= rounds; r++) {
			System.out.println("round " + r + " of " + rounds);
			if (only.contains("issuance")) {
				issuance.run("EC-P256", issue);
				issuance.run("RSA-2048", issue);
			}
			if (only.contains("crl")) {
				crlBench.run(crl);
			}
			if (only.contains("cards")) {
				personalization.run(cards);
			}
			if (only.contains("mailroom")) {
				mailroom.run(postal);
			}
			if (only.contains("server")) {
				server.run(sessions);
			}
			if (only.contains("search")) {
				search.run(subscribers);
			}
			if (scaleOut != null && r <= Integer.getInteger("bench.scaleRounds", 1)) { // long at full size: one round unless asked
				scaleOut.run(scaleSessions);
			}
			if (only.contains("ocsp")) {
				ocspBench.run(ocsp, ocspRequests);
			}
			if (only.contains("notices")) {
				noticeBench.run(notices, r);
			}
			if (only.contains("coldstart")) {
				coldStart.run();
			}
		}
		if (scaleOut != null) {
			scaleOut.close();
		}
		if (only.contains("notices")) {
			// last: it stops and starts the RA, which the other benchmarks hold
			NoticeCrash.run(dir, noticeBench.due());
		}
		return Report.table(tableFile);
	}
}
