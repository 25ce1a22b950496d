package radesk.server.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import radesk.api.AccountDesk;
import radesk.api.CertificateDesk;
import radesk.api.ServiceException;
import radesk.core.DataFolder;
import radesk.server.RaServerEndpoint;
import radesk.wire.Json;

/**
 * The RA service over HTTPS (API v1, see {@code api/openapi.yaml}) on Jetty ({@link HttpsListener}):
 * JSON in and out, bodies capped at 16 KiB before anyone is known, every refusal a status and a
 * stable error code, every failure of ours logged. Two listeners: subscribers' on
 * {@code radesk.server.host} (default 127.0.0.1) and {@code radesk.server.port} (default 8443), and
 * staff's (connected counters) on {@code radesk.server.staff.host} (default the same host) and
 * {@code radesk.server.staff.port} (default 8444), each answering only its own API. The
 * certificate names localhost, 127.0.0.1 and whatever {@code radesk.server.names} adds.
 */
@Component(immediate = true, service = RaServerEndpoint.class)
public final class RaServer extends Handler.Abstract implements RaServerEndpoint {

	static final String BASE = "/api/v1/";
	static final int MAX_BODY = Json.MAX_BODY;
	/** The in-process service only: never a connected-mode client's stand-ins (which would call back here). */
	static final String LOCAL = "(!(radesk.remote=true))";
	private static final System.Logger LOG = System.getLogger(RaServer.class.getName());

	/**
	 * Log-ins check the password with Argon2id (64 MiB, about a core for a tenth of a second): one
	 * per core at a time but one core kept for everything else (TLS handshakes, the health check,
	 * the calls of those logged in), at most {@value #LOG_IN_QUEUE} more waiting; a burst beyond is
	 * answered 503, so a flood of log-ins never starves the rest, nor the memory.
	 */
	private static final int LOG_IN_QUEUE = 32;
	private final Semaphore logIns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
	private final AtomicInteger waitingLogIns = new AtomicInteger();

	private final ObjectMapper json = Json.mapper();
	private final Captchas captchas;
	private final SubscriberRoutes subscribers;
	private final StaffRoutes staffRoutes;
	private final EmailRoutes emailRoutes;
	private final RenewalRoutes renewalRoutes;
	private final String host;
	private final Server server;
	private PublicationRoutes publication;
	private OperatorJobs jobs;

	@Activate
	public RaServer(@Reference(target = LOCAL) AccountDesk accounts, @Reference(target = LOCAL) CertificateDesk certificates,
			@Reference(target = LOCAL) radesk.api.staff.StaffDesk staff, @Reference(target = LOCAL) radesk.api.staff.CounterIntake intake,
			@Reference(target = LOCAL) radesk.api.staff.RegistrationDesk registration, @Reference(target = LOCAL) radesk.api.staff.MailroomDesk mailroom,
			@Reference(target = LOCAL) radesk.api.staff.IssuanceDesk issuance, @Reference(target = LOCAL) radesk.api.staff.FormDesk forms,
			@Reference(target = LOCAL) radesk.api.staff.SearchDesk search, @Reference(target = LOCAL) radesk.api.staff.AuditTrail audit,
			@Reference(target = LOCAL) radesk.api.staff.CrlDesk crl, @Reference(target = LOCAL) radesk.api.staff.CardDesk cards,
			@Reference(target = LOCAL) radesk.api.staff.StaffCardDesk staffCards,
			@Reference(target = LOCAL) radesk.api.EmailDesk email, @Reference(target = LOCAL) radesk.api.staff.NoticeDesk notices,
			@Reference(target = LOCAL) radesk.api.RenewalDesk renewals,
			@Reference(target = LOCAL) radesk.api.SessionDesk sessions,
			@Reference(target = LOCAL) radesk.api.PublicationDesk publication,
			@Reference(target = LOCAL) radesk.api.staff.BackupDesk backups, @Reference(target = LOCAL) radesk.api.staff.SuspensionDesk holds,
			@Reference(target = LOCAL) radesk.api.LostCardDesk lostCards, @Reference radesk.core.ca.CaToken caToken,
			@Reference radesk.api.staff.JobLeases leases) throws Exception {
		this.host = System.getProperty("radesk.server.host", "127.0.0.1");
		int port = Integer.getInteger("radesk.server.port", 8443);
		String staffHost = System.getProperty("radesk.server.staff.host", host);
		int staffPort = Integer.getInteger("radesk.server.staff.port", 8444);
		String publishHost = System.getProperty("radesk.server.publish.host", host);
		int publishPort = Integer.getInteger("radesk.server.publish.port", 8080);
		boolean disclose = "disclosed".equals(System.getProperty("radesk.server.captcha"));
		if (disclose && (!java.net.InetAddress.getByName(host).isLoopbackAddress() || !radesk.core.TimeSource.testRun())) {
			// a loopback server may still sit behind a reverse proxy: only a test run (its movable clock) discloses
			throw new IllegalStateException("radesk.server.captcha=disclosed is for test runs (radesk.test.clock=movable)"
					+ " on the loopback address only");
		}
		this.captchas = new Captchas(sessions, disclose);
		this.subscribers = new SubscriberRoutes(json, accounts, certificates, captchas, sessions);
		this.emailRoutes = new EmailRoutes(json, email, sessions);
		this.renewalRoutes = new RenewalRoutes(json, renewals, lostCards, sessions);
		this.staffRoutes = new StaffRoutes(json, staff, new StaffTable(
				new StaffTable.Desks(staff, intake, registration, mailroom, issuance, forms, search, audit, crl, cards, staffCards, email,
						notices, holds)),
				sessions);
		java.util.List<java.util.List<String>> names = ServerTls.configuredNames(System.getProperty("radesk.server.names"));
		if (System.getProperty(HostCommands.PROPERTY) != null) {
			// a command on the host (radesk-server.sh reset-password): no listener, nothing announced
			this.server = null;
			return;
		}
		// the JDK's TLS finds its ciphers, key agreement and signatures among the providers: the native one first
		radesk.pki.NativeCrypto.installForTls();
		SSLContext tls = ServerTls.context(DataFolder.resolve(), names.get(0), names.get(1), caToken);
		announceFirstAdministratorCode(staff);
		this.publication = new PublicationRoutes(publication, radesk.core.TimeSource.clock());
		this.server = HttpsListener.start(host, port, staffHost, staffPort, publishHost, publishPort, tls, this);
		PublicationRoutes.checkPublicBase(publishHost, publishPort());
		this.jobs = OperatorJobs.start(publication, audit, backups, sessions, leases);
	}

	/**
	 * No administrator yet: a one-time code for the first one, shown on this host's console only
	 * (never the log, never an answer over the network), before the listener opens. Whoever sets the
	 * server up types it at the first counter workstation; a restart shows a new one.
	 */
	private static void announceFirstAdministratorCode(radesk.api.staff.StaffDesk staff) throws ServiceException {
		char[] code = staff.openFirstAdministratorSetup();
		if (code == null) {
			return;
		}
		try {
			System.out.println("radesk-server: no administrator yet. At the first counter workstation (connected to this server),"
					+ " create the administrator with this one-time code: " + new String(code) + " (valid 24 hours, once;"
					+ " a restart shows a new one)");
		} finally {
			java.util.Arrays.fill(code, '\0');
		}
	}

	@Deactivate
	void deactivate() throws Exception {
		if (jobs != null) {
			jobs.stop();
		}
		if (server != null) {
			server.stop();
		}
	}

	@Override
	public String host() {
		return host;
	}

	/** The port actually bound (a test may ask for port 0). */
	@Override
	public int port() {
		return HttpsListener.port(server, HttpsListener.SUBSCRIBERS);
	}

	@Override
	public int publishPort() {
		return HttpsListener.port(server, HttpsListener.PUBLISH);
	}

	@Override
	public int staffPort() {
		return HttpsListener.port(server, HttpsListener.STAFF);
	}

	@Override
	public Optional<String> disclosedAnswer(String captchaId) {
		return captchas.disclosed(captchaId);
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		if (HttpsListener.PUBLISH.equals(request.getConnectionMetaData().getConnector().getName())) {
			publication.handle(request, response, callback);
			return true;
		}
		Call call = new Call(request, response, callback, json);
		String route = call.route();
		boolean staffRoute = route.substring(route.indexOf(' ') + 1).startsWith("/staff");
		if (staffRoute != HttpsListener.STAFF.equals(call.listener())) {
			// each listener answers its own API only: no staff route on the subscribers' port, and back
			call.send(404, error(new ApiException(404, "NOT_FOUND", "no such resource on this listener: " + route)));
			return true;
		}
		boolean logIn = route.equals("POST /sessions") || route.equals("POST /staff/sessions")
				|| route.equals("POST /staff/first-administrator");
		try {
			if (logIn) {
				answerLogIn(call, route);
			} else {
				call.send(200, answer(call, route));
			}
		} catch (ApiException e) {
			call.send(e.status, error(e), e.status == 503 ? 2 : 0);
		} catch (RuntimeException e) {
			// a bug of ours: the client hears that it failed, the cause goes to the log (never the body: it may hold secrets)
			LOG.log(System.Logger.Level.ERROR, "the server failed on " + route, e);
			call.send(500, error(new ApiException(500, "INTERNAL", "the server could not do this; see its log")));
		}
		return true;
	}

	private void answerLogIn(Call call, String route) throws ApiException {
		// the body first (small, its size bounded): a log-in that waits for its turn must not find its connection timed out
		call.body(MAX_BODY);
		if (waitingLogIns.incrementAndGet() > LOG_IN_QUEUE) {
			waitingLogIns.decrementAndGet();
			throw new ApiException(503, "BUSY", "too many log-ins at once: try again shortly");
		}
		boolean acquired = false;
		try {
			// well within the connection's idle timeout, so that the 503 still reaches the client
			acquired = logIns.tryAcquire(HttpsListener.IDLE.toSeconds() / 2, TimeUnit.SECONDS);
			if (!acquired) {
				throw new ApiException(503, "BUSY", "too many log-ins at once: try again shortly");
			}
			call.send(200, answer(call, route));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ApiException(503, "BUSY", "the server is stopping");
		} finally {
			waitingLogIns.decrementAndGet();
			if (acquired) {
				logIns.release();
			}
		}
	}

	private JsonNode answer(Call x, String route) throws ApiException {
		return switch (route) {
		case "POST /sessions" -> subscribers.logIn(x, x.body(MAX_BODY));
		case "GET /captcha" -> subscribers.captcha(x);
		case "GET /challenge" -> subscribers.challenge();
		case "POST /card-sessions" -> subscribers.cardLogIn(x, x.body(MAX_BODY));
		case "DELETE /sessions" -> subscribers.logOut(x);
		case "POST /password" -> subscribers.changePassword(x, x.body(MAX_BODY));
		case "GET /certificates" -> subscribers.certificates(x);
		case "POST /applications" -> subscribers.apply(x, x.body(MAX_BODY));
		case "POST /renewals" -> renewalRoutes.renew(x, x.body(MAX_BODY));
		case "POST /lost-card" -> renewalRoutes.reportLost(x);
		case "POST /certificates/on-card" -> subscribers.confirmOnCard(x, x.body(MAX_BODY));
		case "POST /cards/pin-strikes" -> subscribers.pinStrikes(x, x.body(MAX_BODY));
		case "GET /email" -> emailRoutes.address(x);
		case "POST /email/code" -> emailRoutes.sendCode(x);
		case "POST /email/confirm" -> emailRoutes.confirm(x, x.body(MAX_BODY));
		case "POST /email/language" -> emailRoutes.language(x, x.body(MAX_BODY));
		case "GET /staff/first-administrator" -> staffRoutes.needsFirst();
		case "POST /staff/first-administrator" -> staffRoutes.firstAdministrator(x, x.body(MAX_BODY));
		case "POST /staff/sessions" -> staffRoutes.signIn(x, x.body(MAX_BODY));
		case "DELETE /staff/sessions" -> staffRoutes.signOut(x);
		default -> staffRoutes.call(staffRoutes.route(route)
				.orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no such resource: " + route)), x);
		};
	}

	private ObjectNode error(ApiException e) {
		ObjectNode error = json.createObjectNode().put("error", e.code).put("message", e.getMessage());
		if (e.triesLeft >= 0) {
			error.put("triesLeft", e.triesLeft);
		}
		if (e.detail != null) {
			error.put("detail", e.detail);
		}
		if (e.card != null) {
			error.put("card", e.card);
		}
		if (e.problems != null) {
			error.set("problems", e.problems);
		}
		return error;
	}

	/** The service's refusal as the API's: one status per reason, the reason's name as the code. */
	static ApiException refusal(ServiceException e) {
		int status = switch (e.reason()) {
		case WRONG_PASSWORD, CHALLENGE_INVALID, SIGNATURE_INVALID, CERTIFICATE_REVOKED, CERTIFICATE_SUSPENDED, CERTIFICATE_EXPIRED,
				STAFF_CARD_REQUIRED -> 401;
		case ACCOUNT_SUSPENDED -> 423;
		case NOT_PERMITTED, NOT_YOURS, WRONG_CARD, DUAL_CONTROL, CARD_NOT_PROVEN, SETUP_CODE_INVALID -> 403;
		case WRONG_STATE, CONCURRENT_CHANGE, CARD_NOT_BOUND, CARD_HAS_CERTIFICATE -> 409;
		case ISSUANCE_LIMIT, TOO_MANY_REQUESTS -> 429;
		case RENEWAL_NOT_OPEN -> 409;
		case NOT_FOUND -> 404;
		case CA_REFUSED -> 502;
		default -> 400;
		};
		return new ApiException(status, e.reason().name(), e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
				e.triesLeft());
	}
}
