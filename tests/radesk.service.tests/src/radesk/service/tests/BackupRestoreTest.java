package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.BackupDesk;
import radesk.client.RaClient;
import radesk.testing.SoftHsm;

/**
 * Back up while the RA runs, restore into a fresh folder, start the server on it, sign in, verify
 * the audit chain; and a restore that would overwrite records, or of a backup changed or crafted to
 * climb out of its folder, refused whole.
 */
class BackupRestoreTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	@Test
	void aBackupRestoredIntoAFreshFolderStartsASubscriberSignsInAndTheAuditTrailVerifies() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		BackupDesk desk = Services.await(BackupDesk.class);
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> desk.backUp(Staff.CLERK)).reason());
		assertEquals(!radesk.testing.RaProcess.sharedDatabase(), desk.backsUpTheRecords(), "the server schedules backups on H2 only");
		if (radesk.testing.RaProcess.sharedDatabase()) {
			// PostgreSQL: no half backup that looks whole; the refusal says what backs the records up, and is audited
			ServiceException refused = assertThrows(ServiceException.class, () -> desk.backUp(Staff.ADMIN));
			assertEquals(Reason.WRONG_STATE, refused.reason());
			assertTrue(refused.detail().contains("pg_basebackup") && refused.detail().contains("ca/"), refused.detail());
			assertTrue(Services.await(AuditTrail.class).about(Staff.ADMIN, "backup").stream()
					.anyMatch(e -> e.action().equals("BACKUP_FAILED") && String.valueOf(e.after()).contains("pg_basebackup")));
			return;
		}
		BackupDesk.Backup backup = desk.backUp(Staff.ADMIN);
		Path zip = Path.of(backup.file());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)), "it holds the CA's keys");
		List<String> names = names(zip);
		assertTrue(names.contains("db/radesk.mv.db") && names.contains("SHA256SUMS"), names.toString());
		assertTrue(names.stream().anyMatch(n -> n.startsWith("ca/")) && names.stream().anyMatch(n -> n.startsWith("ra/")), names.toString());
		assertFalse(names.stream().anyMatch(n -> n.startsWith("server/logs")), "no logs: " + names);
		assertTrue(Services.await(AuditTrail.class).about(Staff.ADMIN, "backup:" + zip.getFileName()).stream()
				.anyMatch(e -> e.action().equals("BACKUP_MADE") && String.valueOf(e.after()).contains(backup.sha256())));

		Path fresh = Files.createTempDirectory("restored").resolve("data");
		ChildProcess.Result restored = ChildProcess.run("radesk.store.RestoreBackup", zip.toString(), fresh.toString());
		assertEquals(0, restored.exit(), restored.output());
		assertTrue(restored.output().contains("audit trail intact"), restored.output());
		ChildProcess.Result over = ChildProcess.run("radesk.store.RestoreBackup", zip.toString(), fresh.toString());
		assertEquals(1, over.exit(), over.output());
		assertTrue(over.output().contains("not empty"), "never over records: " + over.output());

		try (ChildProcess.Server server = ChildProcess.freshServer(fresh)) {
			RaClient me = new RaClient(server.address(), fresh.resolve("server").resolve("root.cer"));
			String[] captcha = CrashChild.disclosedCaptcha(server.address());
			me.logIn(j.subscriber.account(), j.password.toCharArray(), captcha[0], captcha[1]);
			assertTrue(me.certificates().isEmpty(), "signed in on the restored records");
		}
		ChildProcess.Result verified = ChildProcess.run("radesk.store.VerifyAuditTrail", fresh.toString());
		assertEquals(0, verified.exit(), verified.output());
		assertTrue(verified.output().contains("audit trail intact"), verified.output());
	}

	@Test
	void aChangedOrCraftedBackupIsRefusedWholeAndWritesNothing() throws Exception {
		if (radesk.testing.RaProcess.sharedDatabase()) {
			assertThrows(ServiceException.class, () -> Services.await(BackupDesk.class).backUp(Staff.ADMIN), "no backup to tamper with");
			return;
		}
		Path zip = Path.of(Services.await(BackupDesk.class).backUp(Staff.ADMIN).file());
		Path dir = Files.createTempDirectory("tampered");

		Path changed = rewrite(zip, dir.resolve("changed.zip"), (name, bytes) -> {
			if (name.startsWith("ca/") && bytes.length > 0) {
				bytes[bytes.length / 2] ^= 1;
			}
			return bytes;
		}, null);
		assertRefused(changed, dir.resolve("a"), "was changed");

		Path extra = rewrite(zip, dir.resolve("extra.zip"), (name, bytes) -> bytes, "../../escaped.txt");
		assertRefused(extra, dir.resolve("b"), "should not");
		assertFalse(Files.exists(dir.resolve("escaped.txt")) || Files.exists(dir.getParent().resolve("escaped.txt")));

		Path unlisted = rewrite(zip, dir.resolve("unlisted.zip"), (name, bytes) -> bytes, "ca/planted.p12");
		assertRefused(unlisted, dir.resolve("c"), "do not list");

		Path cut = rewrite(zip, dir.resolve("cut.zip"), (name, bytes) -> name.equals("SHA256SUMS") ? null : bytes, null);
		assertRefused(cut, dir.resolve("d"), "SHA256SUMS");
	}

	private static void assertRefused(Path backup, Path target, String why) throws Exception {
		ChildProcess.Result r = ChildProcess.run("radesk.store.RestoreBackup", backup.toString(), target.toString());
		assertEquals(1, r.exit(), r.output());
		assertTrue(r.output().contains(why), r.output());
		assertFalse(Files.exists(target.resolve("db").resolve("radesk.mv.db")), "nothing restored");
		try (var left = Files.list(target.getParent())) {
			assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".restore-")), "no staging left behind");
		}
	}

	interface Change {
		byte[] apply(String name, byte[] bytes);
	}

	/** A copy of {@code zip} with each entry changed by {@code change} (null drops it), and one more entry named {@code added}. */
	private static Path rewrite(Path zip, Path target, Change change, String added) throws Exception {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
				OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
			if (added != null) {
				out.putNextEntry(new ZipEntry(added));
				out.write("planted".getBytes());
				out.closeEntry();
			}
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				byte[] bytes = change.apply(e.getName(), in.readAllBytes());
				if (bytes != null) {
					out.putNextEntry(new ZipEntry(e.getName()));
					out.write(bytes);
					out.closeEntry();
				}
			}
		}
		return target;
	}

	private static List<String> names(Path zip) throws Exception {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				names.add(e.getName());
			}
		}
		return names;
	}
}
