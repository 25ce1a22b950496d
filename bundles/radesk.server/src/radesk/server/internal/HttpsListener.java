package radesk.server.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The RA server's HTTPS listener on Jetty, built to face hostile clients: TLS 1.2/1.3 only; a
 * connection idle for 10 s is closed (also one that trickles bytes slower than 64 B/s once its
 * request has begun); at most 5,000 connections, after which accepting pauses; request headers up
 * to 8 KiB; at most {@value #MAX_ACTIVE} requests at work, up to 1,000 more waiting up to 5 s,
 * the rest answered 503 with {@code Retry-After}; at most {@code radesk.server.perClient} (100)
 * requests at once per client address, the rest 429 with {@code Retry-After}. The health check is
 * answered before any of these queues, so an operator's probe sees the server alive while it
 * sheds load. Every request is logged (client, request line, status, size, time — no bodies,
 * no headers, so no secrets) through SLF4J into the server's log. Behind load balancers named in
 * {@code radesk.server.proxies}, the client's address comes from their PROXY protocol header
 * ({@link TrustedProxies}).
 */
final class HttpsListener {

	static final int MAX_CONNECTIONS = 5_000;
	static final int MAX_ACTIVE = 96;
	static final Duration IDLE = Duration.ofSeconds(10);

	private HttpsListener() {
	}

	/** The names of the two listeners: subscribers' (the internet) and staff's (the RA's own network). */
	static final String SUBSCRIBERS = "subscribers";
	static final String STAFF = "staff";
	/** Relying parties' plain-HTTP listener: CRL, CA certificates, OCSP ({@link PublicationRoutes}). */
	static final String PUBLISH = "publish";

	/**
	 * Subscribers' listener on {@code host:port}, staff's on {@code staffHost:staffPort} (an operator
	 * binds it to the RA's internal network); the same limits on each.
	 */
	static Server start(String host, int port, String staffHost, int staffPort, String publishHost, int publishPort, SSLContext tls,
			Handler routes) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool(256, 8);
		threads.setName("radesk-http");
		Server server = new Server(threads);
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendDateHeader(true);
		http.setRequestHeaderSize(8 * 1024);
		http.setIdleTimeout(IDLE.toMillis());
		http.setMinRequestDataRate(64);
		SecureRequestCustomizer secure = new SecureRequestCustomizer();
		// clients reach the server by address as well as by name: the certificate names both
		secure.setSniHostCheck(false);
		http.addCustomizer(secure);
		SslContextFactory.Server ssl = new SslContextFactory.Server();
		ssl.setSslContext(tls);
		ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
		ssl.setRenegotiationAllowed(false);
		ServerConnector subscribers = connector(server, ssl, http, SUBSCRIBERS, host, port);
		ServerConnector staff = connector(server, ssl, http, STAFF, staffHost, staffPort);
		// plain HTTP, as relying parties fetch CRLs and OCSP (what is served is signed); the same limits
		HttpConfiguration plain = new HttpConfiguration(http);
		plain.getCustomizers().clear();
		// RFC 5019 GET: the base64 request URL-encoded, its '/' as %2F
		plain.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("RFC 5019",
				org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
		ServerConnector publish = connector(server, null, plain, PUBLISH, publishHost, publishPort);
		server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, subscribers, staff, publish));
		Shedding busy = new Shedding(new PerClient(Integer.getInteger("radesk.server.perClient", 100), routes));
		busy.setMaxRequestCount(MAX_ACTIVE);
		busy.setMaxSuspendedRequestCount(1_000);
		busy.setMaxSuspend(Duration.ofSeconds(5));
		// GracefulHandler: a stop lets the requests under way finish (up to the stop timeout) before connections close
		server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler(new HealthFirst(busy)));
		// the product's request log is a file of its own, written off the request threads; elsewhere the general log
		server.setRequestLog(new CustomRequestLog(RequestLogFile.writer(), "%{client}a \"%r\" %s %O %{ms}Tms"));
		server.setStopTimeout(5_000);
		server.start();
		return server;
	}

	private static ServerConnector connector(Server server, SslContextFactory.Server ssl, HttpConfiguration http, String name,
			String host, int port) {
		SslConnectionFactory tls = ssl == null ? null : new SslConnectionFactory(ssl, "http/1.1");
		TrustedProxies proxies = tls == null ? null : TrustedProxies.configured(tls.getProtocol());
		ServerConnector connector = tls == null ? new ServerConnector(server, 1, 1, new HttpConnectionFactory(http))
				: proxies == null ? new ServerConnector(server, 1, 1, tls, new HttpConnectionFactory(http))
						: new ServerConnector(server, 1, 1, proxies, tls, new HttpConnectionFactory(http));
		connector.setName(name);
		connector.setHost(host);
		connector.setPort(port);
		connector.setIdleTimeout(IDLE.toMillis());
		connector.setAcceptQueueSize(1024);
		server.addConnector(connector);
		return connector;
	}

	/** The port the listener of that name bound (a test may ask for port 0). */
	static int port(Server server, String listener) {
		for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
			if (listener.equals(c.getName())) {
				return ((ServerConnector) c).getLocalPort();
			}
		}
		throw new IllegalArgumentException(listener);
	}

	private static final java.util.concurrent.atomic.AtomicBoolean DRAINING = new java.util.concurrent.atomic.AtomicBoolean();

	/**
	 * The start of a clean stop behind a load balancer: {@code /health} answers 503 "draining" from
	 * now on, so the balancer sends new clients elsewhere, while this server still answers whatever
	 * comes meanwhile; after {@code drain} the caller stops it (and the requests under way finish).
	 */
	static void drain(Duration drain) {
		DRAINING.set(true);
		if (!drain.isZero()) {
			System.getLogger(HttpsListener.class.getName()).log(System.Logger.Level.INFO,
					"stopping: /health answers draining for " + drain.toSeconds() + " s first");
			try {
				Thread.sleep(drain.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Answers {@code GET /api/v1/health} at once (503 while draining); everything else goes through the queues. */
	private static final class HealthFirst extends Handler.Wrapper {

		HealthFirst(Handler next) {
			super(next);
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			if ("GET".equals(request.getMethod()) && (RaServer.BASE + "health").equals(request.getHttpURI().getPath())) {
				boolean draining = DRAINING.get();
				Call.send(response, callback, draining ? 503 : 200, ("{\"status\":\"" + (draining ? "draining" : "ok") + "\",\"time\":\""
						+ java.time.Instant.now() + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
				return true;
			}
			return super.handle(request, response, callback);
		}
	}

	/** Jetty's QoS queue, answering 503 with {@code Retry-After} and the API's JSON when it is full. */
	private static final class Shedding extends QoSHandler {

		Shedding(Handler next) {
			super(next);
		}

		@Override
		protected void reject(Request request, Response response, Callback callback, int status) {
			Call.send(response, callback, 503, Call.error("BUSY", "the server is busy: try again shortly"), 2);
		}

		@Override
		protected void expireSuspended(Request request, Response response, Callback callback) {
			Call.send(response, callback, 503, Call.error("BUSY", "the server is busy: try again shortly"), 2);
		}
	}

	/** At most {@code limit} requests at once from one client address; more are answered 429. */
	private static final class PerClient extends Handler.Wrapper {

		private final int limit;
		private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

		PerClient(int limit, Handler next) {
			super(next);
			this.limit = limit;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			String client = Request.getRemoteAddr(request);
			AtomicInteger count = active.computeIfAbsent(client, k -> new AtomicInteger());
			if (count.incrementAndGet() > limit) {
				release(client, count);
				Call.send(response, callback, 429, Call.error("TOO_MANY_REQUESTS", "too many requests at once from this address"), 1);
				return true;
			}
			Callback done = Callback.from(callback, () -> release(client, count));
			try {
				if (super.handle(request, response, done)) {
					return true;
				}
			} catch (Exception | Error e) {
				release(client, count);
				throw e;
			}
			release(client, count);
			return false;
		}

		private void release(String client, AtomicInteger count) {
			if (count.decrementAndGet() <= 0) {
				active.remove(client, count);
			}
		}
	}
}
