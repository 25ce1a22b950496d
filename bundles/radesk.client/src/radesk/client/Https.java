package radesk.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import radesk.core.TrustedRoot;

/** The one way both editions reach the RA server: HTTP/1.1 over TLS that trusts the RA's root only. */
public final class Https {

	/** How long a connection may take to open; each call sets its own answer timeout. */
	public static final Duration CONNECT = Duration.ofSeconds(10);

	private Https() {
	}

	/** A client trusting only the RA root certificate (DER or PEM) in {@code root}. */
	public static HttpClient client(Path root) throws IOException, GeneralSecurityException {
		return HttpClient.newBuilder().sslContext(TrustedRoot.tlsContext(root)).connectTimeout(CONNECT)
				.version(HttpClient.Version.HTTP_1_1).build();
	}
}
