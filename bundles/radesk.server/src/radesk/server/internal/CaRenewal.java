package radesk.server.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import radesk.core.DataFolder;
import radesk.core.ca.CaToken;
import radesk.pki.CaCeremony;

/**
 * {@code radesk-server.sh renew-ca <root key backup>}, on the server's host with the server stopped:
 * the root's key is brought back from the backup the first start wrote (its passphrase asked on the
 * console, or read from the first line of standard input when there is none) to certify the issuing
 * CA's and the TLS CA's keys on the token for another period, before the issuing CA expires. The
 * next start serves and audits the new certificates (CA_CERTIFIED); the backup goes back off the
 * machine.
 */
final class CaRenewal {

	private CaRenewal() {
	}

	static Integer run(Path backup, CaToken token) {
		if (token == null) {
			System.err.println("radesk-server: the CA's token could not be reached");
			return Integer.valueOf(1);
		}
		if (!Files.isRegularFile(backup)) {
			System.err.println("radesk-server: no file " + backup);
			return Integer.valueOf(2);
		}
		char[] passphrase = null;
		try {
			passphrase = passphrase();
			X509Certificate issuing = CaCeremony.renew(DataFolder.resolve().resolve("ca"), token, backup, passphrase, new SecureRandom());
			System.out.println("radesk-server: the issuing CA and the TLS CA are certified again, valid until "
					+ issuing.getNotAfter().toInstant() + "; start the server to use them, and move " + backup + " off this machine again.");
			System.out.println("radesk-server: 發證 CA 與 TLS CA 已展期至 " + issuing.getNotAfter().toInstant() + "；請啟動伺服器，並再將備份檔移出本機。");
			return Integer.valueOf(0);
		} catch (GeneralSecurityException | java.io.IOException e) {
			System.err.println("radesk-server: not done: " + e.getMessage());
			return Integer.valueOf(1);
		} finally {
			if (passphrase != null) {
				Arrays.fill(passphrase, '\0');
			}
		}
	}

	private static char[] passphrase() throws java.io.IOException {
		java.io.Console console = System.console();
		boolean terminal = console != null;
		try {
			// Java 22 and later offer a console also without a terminal: asked only of a terminal
			terminal = terminal && Boolean.TRUE.equals(java.io.Console.class.getMethod("isTerminal").invoke(console));
		} catch (ReflectiveOperationException e) {
			// before Java 22 a console is a terminal
		}
		if (terminal) {
			char[] typed = console.readPassword("Passphrase of the root key backup / 根金鑰備份通行碼: ");
			return typed == null ? new char[0] : typed;
		}
		String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		return line == null ? new char[0] : line.strip().toCharArray();
	}
}
