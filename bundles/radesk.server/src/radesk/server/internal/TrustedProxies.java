package radesk.server.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ProxyConnectionFactory;

/**
 * The PROXY protocol (v1 or v2, as HAProxy's {@code send-proxy-v2} sends it) read only on
 * connections from the load balancers named in {@code radesk.server.proxies}, so that behind
 * HAProxy in TCP mode the per-client limits, captchas, sessions and the request log see the
 * subscriber's address and not the balancer's. From any other address a PROXY header is not read
 * (the TLS handshake then fails on it): no client can claim another's address. A balancer's own
 * connection without the header (a health check) is taken as it is.
 */
final class TrustedProxies extends ProxyConnectionFactory {

	private final Set<InetAddress> proxies;
	private final String next;

	private TrustedProxies(String next, Set<InetAddress> proxies) {
		super(next);
		this.next = next;
		this.proxies = proxies;
	}

	/** The factory for {@code -Dradesk.server.proxies=10.0.0.5,10.0.0.6} before {@code next}, or null when none is named. */
	static TrustedProxies configured(String next) {
		String named = System.getProperty("radesk.server.proxies", "").strip();
		if (named.isEmpty()) {
			return null;
		}
		Set<InetAddress> addresses = new HashSet<>();
		for (String a : named.split(",")) {
			String address = a.strip();
			// addresses only: a host name would be looked up, and could change under the server
			if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
				throw new IllegalStateException("radesk.server.proxies: " + address + " is not an IP address");
			}
			try {
				addresses.add(InetAddress.getByName(address));
			} catch (UnknownHostException e) {
				throw new IllegalStateException("radesk.server.proxies: " + address + " is not an IP address");
			}
		}
		return new TrustedProxies(next, Set.copyOf(addresses));
	}

	@Override
	public Connection newConnection(Connector connector, EndPoint endPoint) {
		if (endPoint.getRemoteSocketAddress() instanceof InetSocketAddress from && proxies.contains(from.getAddress())) {
			return super.newConnection(connector, endPoint);
		}
		return connector.getConnectionFactory(next).newConnection(connector, endPoint);
	}
}
