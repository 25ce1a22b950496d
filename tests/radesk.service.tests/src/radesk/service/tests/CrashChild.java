package radesk.service.tests;

import java.lang.reflect.Constructor;

import radesk.api.AccountDesk;
import radesk.api.staff.CardDesk;
import radesk.api.CertificateDesk;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.card.KeyKind;
import radesk.store.Database;

/**
 * The process the crash tests kill: the RA service wired by hand on a plain class path (the same
 * classes DS wires in the product), running one use case until it reaches the checkpoint named by
 * {@code radesk.test.pauseAt}, where it waits to be killed.
 *
 * <pre>
 * apply       account password cardSerial pin
 * personalize subscriberId slotId
 * </pre>
 */
public final class CrashChild {

	private CrashChild() {
	}

	public static void main(String[] args) throws Exception {
		try {
			run(args);
		} catch (radesk.api.ServiceException e) {
			System.out.println("REFUSED " + e.reason() + (e.card() == null ? "" : "/" + e.card()) + ": " + e.getMessage());
			System.exit(3);
		}
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		Database db = (Database) make("radesk.store.internal.EmbeddedH2Database");
		Object ra = make("radesk.service.internal.EmbeddedRa");
		CardTerminal cards = (CardTerminal) make("radesk.card.internal.Pkcs11Cards");
		switch (args[0]) {
		case "apply" -> {
			AccountDesk accounts = (AccountDesk) make("radesk.service.internal.LocalAccountDesk", db, ra);
			Actor me = accounts.logIn(args[1], args[2].toCharArray(), "crash-child");
			CertificateDesk desk = (CertificateDesk) make("radesk.service.internal.LocalCertificateDesk", db, cards, ra);
			desk.apply(me, args[3], args[4].toCharArray(), KeyKind.EC_P256);
		}
		case "personalize" -> {
			CardDesk desk = (CardDesk) make("radesk.service.internal.LocalCardDesk", db, ra);
			new radesk.flows.counter.PersonalizeCard(desk, cards).run(new Actor("crash.clerk", Role.COUNTER_CLERK, "crash-child"), Long.parseLong(args[1]),
					Long.parseLong(args[2]));
		}
		default -> throw new IllegalArgumentException(args[0]);
		}
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
