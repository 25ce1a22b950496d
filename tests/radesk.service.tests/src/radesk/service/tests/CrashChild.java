package radesk.service.tests;

import java.lang.reflect.Constructor;

import radesk.api.staff.CardDesk;
import radesk.card.CardTerminal;
import radesk.client.RaClient;
import radesk.flows.ApplyForCertificate;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.card.KeyKind;
import radesk.store.Database;

/**
 * The process the crash tests kill, running one flow until it reaches the checkpoint named by
 * {@code radesk.test.pauseAt}, where it waits to be killed (or for the card to be pulled).
 * {@code apply} is the subscriber edition: logged in over HTTPS to the test runtime's RA server,
 * running {@link ApplyForCertificate} on the card. {@code personalize} is a counter with the RA
 * service wired by hand on a plain class path (the same classes DS wires in the product).
 * {@code server} is the RA server (the service and its HTTPS API, wired the same way) on the port
 * given by {@code radesk.server.port}; it pauses where a subscriber's request reaches the
 * checkpoint.
 *
 * <pre>
 * apply       serverAddress account password cardSerial pin
 * personalize subscriberId slotId
 * server
 * issuing     caFolder threads
 * </pre>
 */
public final class CrashChild {

	private CrashChild() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		} catch (radesk.api.CardAccessException e) {
			System.out.println("REFUSED CARD/" + e.reason() + ": " + e.getMessage());
			System.exit(3);
		} catch (radesk.api.SubscriberRa.Refused e) {
			System.out.println("REFUSED " + e.code + ": " + e.getMessage());
			System.exit(3);
		} catch (radesk.api.ServiceException e) {
			System.out.println("REFUSED " + e.reason() + (e.card() == null ? "" : "/" + e.card()) + ": " + e.getMessage());
			System.exit(3);
		}
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		CardTerminal cards = (CardTerminal) make("radesk.card.internal.Pkcs11Cards");
		switch (args[0]) {
		case "apply" -> {
			RaClient me = new RaClient(args[1], SubscriberEdition.root());
			String[] captcha = disclosedCaptcha(args[1]);
			me.logIn(args[2], args[3].toCharArray(), captcha[0], captcha[1]);
			new ApplyForCertificate(me, cards).run(args[4], args[5].toCharArray(), KeyKind.EC_P256, step -> {
			});
		}
		case "renew" -> {
			RaClient me = new RaClient(args[1], SubscriberEdition.root());
			String[] captcha = disclosedCaptcha(args[1]);
			me.logIn(args[2], args[3].toCharArray(), captcha[0], captcha[1]);
			new radesk.flows.RenewCertificate(me, cards).run(args[4], args[6], args[5].toCharArray(), args[5].toCharArray(),
					KeyKind.EC_P256, step -> {
					});
		}
		case "personalize" -> {
			Database db = (Database) make("radesk.store.internal.RecordsDatabase");
			Object ra = make("radesk.service.internal.EmbeddedRa", cards);
			CardDesk desk = (CardDesk) make("radesk.service.internal.LocalCardDesk", db, ra);
			new radesk.flows.counter.PersonalizeCard(desk, cards).run(new Actor("crash.clerk", Role.COUNTER_CLERK, "crash-child"),
					Long.parseLong(args[1]), Long.parseLong(args[2]));
		}
		case "notices" -> {
			Database db = (Database) make("radesk.store.internal.RecordsDatabase");
			Object ra = make("radesk.service.internal.EmbeddedRa", cards);
			System.out.println(((radesk.api.staff.NoticeDesk) make("radesk.service.internal.LocalNoticeDesk", db, ra)).runJob());
		}
		case "issuing" -> IssuingLoad.run((Database) make("radesk.store.internal.RecordsDatabase"), java.nio.file.Path.of(args[1]),
				Integer.parseInt(args[2]));
		case "server" -> {
			Database db = (Database) make("radesk.store.internal.RecordsDatabase");
			Object ra = make("radesk.service.internal.EmbeddedRa", cards);
			Object records = make("radesk.store.internal.JdbcRegistrationRecords", db);
			Object registration = make("radesk.service.internal.LocalRegistrationDesk", db, records, ra);
			Object holds = make("radesk.service.internal.LocalSuspensionDesk", db, ra);
			make("radesk.server.internal.RaServer", make("radesk.service.internal.LocalAccountDesk", db, ra),
					make("radesk.service.internal.LocalCertificateDesk", db, ra), make("radesk.service.internal.LocalStaffDesk", db, ra),
					make("radesk.service.internal.LocalCounterIntake", records, registration), registration,
					make("radesk.service.internal.LocalMailroomDesk", db, records, ra),
					make("radesk.service.internal.LocalIssuanceDesk", db, ra), make("radesk.service.internal.LocalFormDesk", db, ra),
					make("radesk.service.internal.LocalSearchDesk", db), make("radesk.service.internal.LocalAuditTrail", db, ra),
					make("radesk.service.internal.LocalCrlDesk", db, ra), make("radesk.service.internal.LocalCardDesk", db, ra),
					make("radesk.service.internal.LocalStaffCardDesk", db, ra), make("radesk.service.internal.LocalEmailDesk", db, ra),
					make("radesk.service.internal.LocalNoticeDesk", db, ra), make("radesk.service.internal.LocalRenewalDesk", db, ra),
					make("radesk.service.internal.LocalSessionDesk", db, ra), make("radesk.service.internal.LocalPublicationDesk", db, ra),
					make("radesk.service.internal.LocalBackupDesk", db, ra), holds, holds, cards,
					make("radesk.service.internal.LocalJobLeases", db, ra));
			Thread.sleep(Long.MAX_VALUE);
		}
		default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** A captcha's id and answer: the test server discloses the answer on loopback (radesk.server.captcha=disclosed). */
	static String[] disclosedCaptcha(String address) throws Exception {
		java.net.http.HttpClient http = radesk.client.Https.client(SubscriberEdition.root());
		String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(address + "captcha")).GET().build(),
				java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		return new String[] { ServerApiTest.field(body, "id"), ServerApiTest.field(body, "answer") };
	}

	/** Builds a component through its DS constructor, whose parameters are the references. */
	private static Object make(String className, Object... references) throws Exception {
		Class<?> type = Class.forName(className);
		for (Constructor<?> c : type.getConstructors()) {
			if (c.getParameterCount() == references.length) {
				return c.newInstance(references);
			}
		}
		throw new IllegalStateException(className + " has no constructor for " + references.length + " references");
	}
}
