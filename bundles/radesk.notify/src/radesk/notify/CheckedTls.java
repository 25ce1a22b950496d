package radesk.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets towards the mail server that check its name the JDK's way (RFC 2818/6125: DNS names
 * and IP addresses in subjectAltName), for STARTTLS and SMTPS alike; only TLS 1.2 and 1.3.
 * JavaMail's own check knows no IP addresses, so it is off and this one does the work.
 */
final class CheckedTls extends SSLSocketFactory {

	private final SSLSocketFactory inner;

	CheckedTls(SSLSocketFactory inner) {
		this.inner = inner;
	}

	private Socket checked(Socket s) {
		if (s instanceof SSLSocket ssl) {
			SSLParameters p = ssl.getSSLParameters();
			p.setEndpointIdentificationAlgorithm("HTTPS");
			p.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
			ssl.setSSLParameters(p);
		}
		return s;
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return inner.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return inner.getSupportedCipherSuites();
	}

	@Override
	public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
		return checked(inner.createSocket(s, host, port, autoClose));
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return checked(inner.createSocket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return checked(inner.createSocket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return checked(inner.createSocket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
		return checked(inner.createSocket(address, port, localAddress, localPort));
	}

	@Override
	public Socket createSocket() throws IOException {
		return checked(inner.createSocket());
	}
}
