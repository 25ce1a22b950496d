package radesk.bench;

import java.lang.reflect.Constructor;

import radesk.api.staff.NoticeDesk;
import radesk.store.Database;

/**
 * The notices job in a JVM of its own, on the benchmark runtime's data folder and class path, wired by
 * hand as DS wires it in the server: the process the notices benchmark kills with SIGKILL halfway.
 */
public final class NoticeChild {

	private NoticeChild() {
	}

	public static void main(String[] args) throws Exception {
		Database db = (Database) make("radesk.store.internal.RecordsDatabase");
		Object ra = make("radesk.service.internal.EmbeddedRa", make("radesk.card.internal.Pkcs11Cards"));
		System.out.println(((NoticeDesk) make("radesk.service.internal.LocalNoticeDesk", db, ra)).runJob());
		System.exit(0);
	}

	private static Object make(String className, Object... references) throws Exception {
		for (Constructor<?> c : Class.forName(className).getConstructors()) {
			if (c.getParameterCount() == references.length) {
				return c.newInstance(references);
			}
		}
		throw new IllegalStateException(className + " has no constructor for " + references.length + " references");
	}
}
