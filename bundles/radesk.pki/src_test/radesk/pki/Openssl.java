package radesk.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** openssl as the outside peer: what it accepts, relying parties accept. */
final class Openssl {

	record Result(int exit, String output) {
	}

	private Openssl() {
	}

	static Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("openssl " + String.join(" ", args) + " did not finish");
		}
		return new Result(p.exitValue(), out);
	}

	static Path pem(Path file, Object... objects) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter w = new JcaPEMWriter(text)) {
			for (Object o : objects) {
				w.writeObject(o);
			}
		}
		Files.writeString(file, text.toString());
		return file;
	}
}
